import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvironmentError, UsageError } from '../../src/core/errors.js';
import { loadBodySigner, SigningCertificateExpiredError } from '../../src/ddas-api/signing.js';
import { makeSigningFiles, rsaKeyPem, verifyResponse } from './keys.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-ddas-signing-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const files = makeSigningFiles(dir);
const clock = (): Date => new Date();

function refusal(load: () => unknown): unknown {
  try {
    load();
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
}

describe('the body signer', () => {
  it('signs the exact bytes: a receiver verifies them, and one changed byte no longer verifies', () => {
    const sign = loadBodySigner(files.key, files.cert, clock);
    const body = Buffer.from('{"gegevens":{"leveringen":[]},"naam":"Zoë"}', 'utf8');
    const headers = new Headers({ ...sign(body) });
    verifyResponse(headers, body, fs.readFileSync(files.cert, 'utf8'));
    const changed = Buffer.from(body);
    changed[3] = changed[3]! ^ 1;
    expect(() => verifyResponse(headers, changed, fs.readFileSync(files.cert, 'utf8'))).toThrow();
  });

  it('names the certificate in kid by issuer and serial number (a DER IssuerSerial)', () => {
    const sign = loadBodySigner(files.key, files.cert, clock);
    const jws = sign(Buffer.from('{}'))['nlgov-adr-payload-sig'];
    const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString()) as { kid: string };
    const der = path.join(dir, 'kid.der');
    fs.writeFileSync(der, Buffer.from(header.kid, 'base64'));
    const parsed = execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', der], { encoding: 'utf8' });
    expect(parsed).toMatch(/cont \[ 4 \]/);
    expect(parsed).toMatch(/commonName[\s\S]*:Testbron eropaf/);
    // The serial set when the certificate was made: 4660 is 0x1234.
    expect(parsed).toMatch(/INTEGER\s*:1234/);
  });

  it('sends the whole chain in x5c, the signing certificate first', () => {
    const other = makeSigningFiles(dir, 'tussen');
    const chain = path.join(dir, 'keten.pem');
    fs.writeFileSync(chain, fs.readFileSync(files.cert, 'utf8') + fs.readFileSync(other.cert, 'utf8'));
    const sign = loadBodySigner(files.key, chain, clock);
    const body = Buffer.from('[]');
    const header = verifyResponse(new Headers({ ...sign(body) }), body, fs.readFileSync(files.cert, 'utf8'));
    expect((header.x5c as string[]).length).toBe(2);
  });

  it('refuses a missing key file as an environment problem', () => {
    const error = refusal(() => loadBodySigner(path.join(dir, 'weg.pem'), files.cert, clock));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toContain('weg.pem bestaat niet of is niet leesbaar');
  });

  it('refuses a key that is not the certificate’s', () => {
    const stranger = path.join(dir, 'vreemd.pem');
    fs.writeFileSync(stranger, rsaKeyPem());
    const error = refusal(() => loadBodySigner(stranger, files.cert, clock));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('hoort niet bij het certificaat');
  });

  it('refuses a key that is not RSA, and a file that is no key', () => {
    const ec = path.join(dir, 'ec.pem');
    fs.writeFileSync(ec, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const ecFiles = makeSigningFiles(dir, 'ec', fs.readFileSync(ec, 'utf8'));
    const notRsa = refusal(() => loadBodySigner(ecFiles.key, ecFiles.cert, clock));
    expect(notRsa).toBeInstanceOf(UsageError);
    expect((notRsa as Error).message).toContain('geen RSA-sleutel');
    const notKey = refusal(() => loadBodySigner(files.cert, files.cert, clock));
    expect(notKey).toBeInstanceOf(UsageError);
    expect((notKey as Error).message).toContain('geen leesbare, onversleutelde privésleutel');
  });

  it('warns once when the certificate expires within 30 days, and refuses to sign once it has expired', () => {
    const validTo = new Date(new X509Certificate(fs.readFileSync(files.cert)).validTo).getTime();
    const day = 24 * 3600 * 1000;
    let now = validTo - 40 * day;
    const warnings: string[] = [];
    const sign = loadBodySigner(files.key, files.cert, () => new Date(now), (line) => warnings.push(line));
    const body = Buffer.from('{}');
    sign(body);
    expect(warnings).toEqual([]);
    now = validTo - 20 * day;
    sign(body);
    sign(body);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('verloopt op');
    now = validTo + 1000;
    const expired = refusal(() => sign(body));
    expect(expired).toBeInstanceOf(SigningCertificateExpiredError);
    expect((expired as SigningCertificateExpiredError).message).toContain('is verlopen');
    expect((expired as SigningCertificateExpiredError).hint).toContain('opnieuw');
  });

  it('warns at start when the certificate expires within 30 days', () => {
    const validTo = new Date(new X509Certificate(fs.readFileSync(files.cert)).validTo).getTime();
    const warnings: string[] = [];
    loadBodySigner(files.key, files.cert, () => new Date(validTo - 20 * 24 * 3600 * 1000), (line) => warnings.push(line));
    expect(warnings).toHaveLength(1);
  });

  it('refuses a certificate that is not valid at the moment of starting', () => {
    const later = (): Date => new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000);
    expect((refusal(() => loadBodySigner(files.key, files.cert, later)) as Error).message).toContain('is nu niet geldig');
  });
});
