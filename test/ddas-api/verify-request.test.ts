// The check of a signed request (--trust-anchors): a request signed as DDAS asks, by a certificate
// that chains to a trust anchor, passes; anything else is refused with the reason. Requests are
// signed here by eropaf's own signer, which test/ddas-api/signing.test.ts checks independently.

import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { loadBodySigner } from '../../src/ddas-api/signing.js';
import { loadTrustAnchors, requestVerifier } from '../../src/ddas-api/verify-request.js';
import { makeIssuedSigningFiles, makeSigningFiles } from './keys.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-ddas-verify-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const cbs = makeIssuedSigningFiles(dir, 'cbs');
const elders = makeIssuedSigningFiles(dir, 'elders');
const selfSigned = makeSigningFiles(dir, 'zelf');
const now = (): Date => new Date();
const body = Buffer.from('{"aanleverperiodeStartdatum":"2022-01-01","aanleverperiodeEinddatum":"2022-06-30"}');

function signed(files: { key: string; cert: string }, bytes: Uint8Array = body): Headers {
  return new Headers({ ...loadBodySigner(files.key, files.cert, now)(bytes) });
}

describe('the check of a signed request', () => {
  it('passes a request signed by a certificate its trust anchor issued', () => {
    expect(requestVerifier(loadTrustAnchors(cbs.ca), now)(signed(cbs), body)).toBeUndefined();
  });

  it('refuses a body changed after signing, and a request without the headers', () => {
    const verify = requestVerifier(loadTrustAnchors(cbs.ca), now);
    const changed = Buffer.from(body);
    changed[5] = changed[5]! ^ 1;
    expect(verify(signed(cbs), changed)).toContain('Digest klopt niet');
    const headers = signed(cbs);
    headers.set('digest', `SHA-256=${Buffer.alloc(32).toString('base64')}`);
    expect(verify(headers, body)).toContain('Digest klopt niet');
    expect(verify(new Headers(), body)).toContain('Digest ontbreekt');
    const noSignature = signed(cbs);
    noSignature.delete('nlgov-adr-payload-sig');
    expect(verify(noSignature, body)).toContain('nlgov-adr-payload-sig ontbreekt');
  });

  it('refuses a signature over another body whose digest was put in its place', () => {
    const other = Buffer.from('{}');
    const headers = signed(cbs, other);
    headers.set('digest', signed(cbs).get('digest')!);
    expect(requestVerifier(loadTrustAnchors(cbs.ca), now)(headers, body)).toContain('handtekening klopt niet');
  });

  it('refuses a certificate that does not chain to a trust anchor, or a self-signed one', () => {
    const verify = requestVerifier(loadTrustAnchors(cbs.ca), now);
    expect(verify(signed(elders), body)).toContain('ketent niet');
    expect(verify(signed(selfSigned), body)).toContain('ketent niet');
  });

  it('refuses a certificate that has expired since', () => {
    const validTo = Date.parse(new X509Certificate(fs.readFileSync(cbs.cert)).validTo);
    expect(requestVerifier(loadTrustAnchors(cbs.ca), () => new Date(validTo + 1000))(signed(cbs), body)).toContain('nu niet geldig');
  });

  it('refuses a trust anchors file without certificates, naming the option', () => {
    expect(() => loadTrustAnchors(cbs.key)).toThrow(UsageError);
    expect(() => loadTrustAnchors(cbs.key)).toThrow('--trust-anchors');
  });
});
