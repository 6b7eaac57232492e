import { constants, createHash, createPrivateKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { EnvironmentError, UsageError } from '../core/errors.js';
import { ddasTimestamp } from '../core/report/ddas.js';
import { issuerSerial } from './issuer-serial.js';

// Payload signing as the DDAS specification prescribes (docs/api/signing-encryptie.md and
// DDAS-VS.yaml): JAdES-B, a detached JWS in compact serialisation with PS256, carried in the
// `nlgov-adr-payload-sig` header, over the `Digest` header of the exact body bytes (Geonovum
// KP-APIs signing-jades "payload signing": sigD with mId HttpHeaders and pars ["digest"]). The
// protected header holds what DDAS requires (alg, typ JOSE, kid, x5c, x5t#S256) and what JAdES
// requires with sigD: b64 false, sigT, and crit naming the JAdES and RFC 7797 parameters.

export const PAYLOAD_SIGNATURE_HEADER = 'nlgov-adr-payload-sig';
export const HTTP_HEADERS_MECHANISM = 'http://uri.etsi.org/19182/HttpHeaders';
/** PS256 (RFC 7518 3.5): RSASSA-PSS with SHA-256, MGF1 with SHA-256, a salt as long as the hash. */
export const PS256 = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } as const;

/** The Digest header (RFC 3230) of these exact bytes. */
export function bodyDigest(body: Uint8Array): string {
  return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

/** JAdES 5.2.8.2 with b64 false and sigD over the digest header: what is signed is the header line "digest: <value>". */
export function jadesSigningInput(protectedHeader: string, digest: string): Buffer {
  return Buffer.from(`${protectedHeader}.digest: ${digest}`, 'ascii');
}
/** RFC 7518 3.5: a key of 2048 bits or more. */
const MIN_MODULUS_BITS = 2048;

export interface SignedHeaders {
  Digest: string;
  [PAYLOAD_SIGNATURE_HEADER]: string;
}

/** Signs a response body: the headers to send with exactly these bytes. */
export type BodySigner = (body: Uint8Array) => SignedHeaders;

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** The certificates of a PEM file, the signing certificate first, then its chain as given. */
export function readCertificates(
  file: string,
  pem: string,
  option = '--signing-cert',
  hint = 'Geef het PKIoverheid-ondertekeningscertificaat als PEM-bestand ("-----BEGIN CERTIFICATE-----"), eventueel gevolgd door de tussenliggende certificaten.',
): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  try {
    const certificates = blocks.map((block) => new X509Certificate(block));
    if (certificates.length > 0) return certificates;
  } catch {
    // Reported below, as for a file without certificates.
  }
  throw new UsageError(`${option} ${file} bevat geen leesbaar X.509-certificaat (PEM).`, { hint });
}

function readKey(file: string, pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new UsageError(`--signing-key ${file} is geen leesbare, onversleutelde privésleutel (PEM).`, {
      hint: 'Geef de privésleutel bij het ondertekeningscertificaat als PEM zonder wachtwoord, alleen leesbaar voor de gebruiker die eropaf draait.',
    });
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new UsageError(`--signing-key ${file} is geen RSA-sleutel (maar ${key.asymmetricKeyType ?? 'onbekend'}); DDAS ondertekent met PS256, en dat vraagt RSA.`, {
      hint: 'Gebruik de RSA-sleutel van het PKIoverheid-ondertekeningscertificaat.',
    });
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_MODULUS_BITS) {
    throw new UsageError(`--signing-key ${file} is een RSA-sleutel van ${bits} bits; PS256 vraagt er minstens ${MIN_MODULUS_BITS}.`);
  }
  return key;
}

export function readText(option: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new EnvironmentError(`${option} ${file} bestaat niet of is niet leesbaar.`, { hint: 'Controleer het pad en de rechten van het bestand.' });
  }
}

/** How long before the certificate expires the administrator is warned (once). */
const EXPIRY_WARNING_MS = 30 * 24 * 3600 * 1000;

/** The signing certificate expired while the server ran: nothing may be signed with it. */
export class SigningCertificateExpiredError extends EnvironmentError {}

/**
 * Reads and checks the signing key and certificate: refused (with what to fix) when a file is
 * missing, when the key is not an RSA key of at least 2048 bits, or when it is not the key of the
 * certificate, or the certificate is not valid now. A server runs for months: the signer itself
 * refuses once the certificate has expired, and `warn` is told once when it expires within 30 days.
 */
export function loadBodySigner(keyFile: string, certFile: string, clock: () => Date, warn: (line: string) => void = () => undefined): BodySigner {
  const key = readKey(keyFile, readText('--signing-key', keyFile));
  const chain = readCertificates(certFile, readText('--signing-cert', certFile));
  const certificate = chain[0]!;
  if (!certificate.checkPrivateKey(key)) {
    throw new UsageError(`De sleutel ${keyFile} hoort niet bij het certificaat ${certFile}.`, {
      hint: 'Geef de privésleutel waarmee het ondertekeningscertificaat is aangevraagd, en dat certificaat als eerste in het PEM-bestand.',
    });
  }
  const now = clock();
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) {
    throw new UsageError(`Het certificaat ${certFile} is nu niet geldig (geldig van ${certificate.validFrom} tot ${certificate.validTo}).`, {
      hint: 'Vraag een nieuw ondertekeningscertificaat aan, of controleer de klok van deze computer.',
    });
  }
  const fixed = {
    alg: 'PS256',
    kid: issuerSerial(certificate.raw).toString('base64'),
    'x5t#S256': base64url(createHash('sha256').update(certificate.raw).digest()),
    x5c: chain.map((c) => c.raw.toString('base64')),
    typ: 'JOSE',
    b64: false,
  };
  const validTo = new Date(certificate.validTo);
  let warned = false;
  const warnOnceWhenExpiring = (at: Date): void => {
    if (warned || validTo.getTime() - at.getTime() >= EXPIRY_WARNING_MS) return;
    warned = true;
    warn(`ddas-api: het ondertekeningscertificaat ${certFile} verloopt op ${certificate.validTo}; vraag een nieuw aan en start "eropaf ddas-api" daarmee opnieuw vóór die datum.`);
  };
  // At start too: a server that starts in the last 30 days says so before the first call.
  warnOnceWhenExpiring(now);
  return (body) => {
    const now = clock();
    if (now > validTo) {
      throw new SigningCertificateExpiredError(`Het ondertekeningscertificaat ${certFile} is verlopen (geldig tot ${certificate.validTo}); er wordt niets meer ondertekend.`, {
        hint: 'Vraag een nieuw ondertekeningscertificaat aan en start "eropaf ddas-api" opnieuw met --signing-cert en --signing-key van het nieuwe.',
      });
    }
    warnOnceWhenExpiring(now);
    const digest = bodyDigest(body);
    const header = {
      ...fixed,
      sigT: ddasTimestamp(now),
      sigD: { mId: HTTP_HEADERS_MECHANISM, pars: ['digest'] },
      crit: ['b64', 'sigT', 'sigD'],
    };
    const protectedHeader = base64url(JSON.stringify(header));
    const signature = sign('sha256', jadesSigningInput(protectedHeader, digest), { key, ...PS256 });
    return { Digest: digest, [PAYLOAD_SIGNATURE_HEADER]: `${protectedHeader}..${base64url(signature)}` };
  };
}
