// Signing material made for the tests: an RSA key with a self-signed certificate (openssl makes
// the certificate; node:crypto cannot), and the checks a receiver such as CBS makes on a response,
// written from the specification rather than from eropaf's signer.

import { execFileSync } from 'node:child_process';
import { constants, createHash, generateKeyPairSync, verify, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export interface SigningFiles {
  key: string;
  cert: string;
}

export function rsaKeyPem(bits = 2048): string {
  return generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A key file and a self-signed certificate for it, valid from yesterday for a year. */
export function makeSigningFiles(dir: string, name = 'ondertekening', keyPem = rsaKeyPem()): SigningFiles {
  const key = path.join(dir, `${name}-sleutel.pem`);
  const cert = path.join(dir, `${name}-certificaat.pem`);
  fs.writeFileSync(key, keyPem, { mode: 0o600 });
  execFileSync('openssl', ['req', '-x509', '-new', '-key', key, '-subj', '/CN=Testbron eropaf/O=Testgemeente', '-days', '365', '-set_serial', '4660', '-out', cert], {
    stdio: 'ignore',
  });
  return { key, cert };
}

/** A CA certificate and a signing key with a certificate it issued (the CA's key is not kept). */
export function makeIssuedSigningFiles(dir: string, name: string): SigningFiles & { ca: string } {
  const caKey = path.join(dir, `${name}-ca-sleutel.pem`);
  const ca = path.join(dir, `${name}-ca.pem`);
  fs.writeFileSync(caKey, rsaKeyPem(), { mode: 0o600 });
  const run = (args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
  run(['req', '-x509', '-new', '-key', caKey, '-subj', `/CN=Test-CA ${name}`, '-days', '365', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign', '-out', ca]);
  const key = path.join(dir, `${name}-sleutel.pem`);
  const request = path.join(dir, `${name}.csr`);
  const cert = path.join(dir, `${name}-certificaat.pem`);
  fs.writeFileSync(key, rsaKeyPem(), { mode: 0o600 });
  run(['req', '-new', '-key', key, '-subj', `/CN=${name}/O=CBS-test`, '-out', request]);
  run(['x509', '-req', '-in', request, '-CA', ca, '-CAkey', caKey, '-set_serial', '7', '-days', '365', '-out', cert]);
  return { key, cert, ca };
}

const decode = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * Verifies a response as DDAS prescribes: the Digest is SHA-256 of the exact body bytes, and the
 * detached JWS in nlgov-adr-payload-sig is PS256 by the first x5c certificate over the JAdES
 * HttpHeaders payload "digest: <Digest>". Returns the protected header.
 */
export function verifyResponse(headers: Headers, body: Uint8Array, certificatePem: string): Record<string, unknown> {
  const digest = headers.get('digest');
  expect(digest).toBe(`SHA-256=${createHash('sha256').update(body).digest('base64')}`);
  const jws = headers.get('nlgov-adr-payload-sig') ?? '';
  const [encodedHeader, payload, signature, ...rest] = jws.split('.');
  expect(rest).toEqual([]);
  expect(payload).toBe('');
  const header = decode(encodedHeader!);
  expect(header.alg).toBe('PS256');
  expect(header.typ).toBe('JOSE');
  expect(header.b64).toBe(false);
  expect(header.sigD).toEqual({ mId: 'http://uri.etsi.org/19182/HttpHeaders', pars: ['digest'] });
  expect([...(header.crit as string[])].sort()).toEqual(['b64', 'sigD', 'sigT']);
  expect(header.sigT).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  const x5c = header.x5c as string[];
  const signer = new X509Certificate(Buffer.from(x5c[0]!, 'base64'));
  expect(signer.raw.equals(new X509Certificate(certificatePem).raw)).toBe(true);
  expect(header['x5t#S256']).toBe(createHash('sha256').update(signer.raw).digest('base64url'));
  const signingInput = Buffer.from(`${encodedHeader}.digest: ${digest}`);
  const valid = verify('sha256', signingInput, { key: signer.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, Buffer.from(signature!, 'base64url'));
  expect(valid).toBe(true);
  return header;
}
