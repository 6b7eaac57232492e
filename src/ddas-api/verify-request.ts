import { createHash, verify, X509Certificate } from 'node:crypto';
import { bodyDigest, HTTP_HEADERS_MECHANISM, jadesSigningInput, PAYLOAD_SIGNATURE_HEADER, PS256, readCertificates, readText } from './signing.js';

// The check of a signed request, as DDAS-VS.yaml asks ("Het verzoek én het antwoord worden
// beschermd met een nlgov-adr-payload-sig header"): the Digest is SHA-256 of the exact body bytes,
// the detached JWS (PS256, b64 false, sigD over the digest header) is by the first x5c certificate,
// and that certificate's chain, each valid now, ends at one of the trust anchors given. Revocation
// (OCSP, CRL) is not checked here.

/** Checks a request's body and headers: undefined when signed as DDAS asks, else why not (Dutch, for CBS). */
export type RequestVerifier = (headers: Headers, body: Uint8Array) => string | undefined;

/** The trust anchors of `--trust-anchors`: the CA certificates (PEM) a request's chain must end at. */
export function loadTrustAnchors(file: string): X509Certificate[] {
  return readCertificates(
    file,
    readText('--trust-anchors', file),
    '--trust-anchors',
    'Geef de CA-certificaten (PKIoverheid) waaraan de handtekening van het CBS moet ketenen als PEM-bestand ("-----BEGIN CERTIFICATE-----").',
  );
}

function decodeHeader(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `child` is signed by `parent` and names it as its issuer. */
function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  return child.checkIssued(parent) && child.verify(parent.publicKey);
}

/** Whether the chain (signer first) is valid at `now` and ends at, or is issued by, a trust anchor. */
function chainsToAnchor(chain: readonly X509Certificate[], anchors: readonly X509Certificate[], now: Date): boolean {
  const valid = (c: X509Certificate): boolean => now >= new Date(c.validFrom) && now <= new Date(c.validTo);
  if (!chain.every(valid)) return false;
  for (let i = 0; i + 1 < chain.length; i++) if (!issuedBy(chain[i]!, chain[i + 1]!)) return false;
  const last = chain[chain.length - 1]!;
  return anchors.some((anchor) => valid(anchor) && (anchor.raw.equals(last.raw) || issuedBy(last, anchor)));
}

export function requestVerifier(anchors: readonly X509Certificate[], clock: () => Date): RequestVerifier {
  return (headers, body) => {
    const digest = headers.get('digest');
    if (digest === null) return 'de header Digest ontbreekt';
    if (digest !== bodyDigest(body)) return 'de header Digest klopt niet bij de inhoud van het verzoek';
    const jws = headers.get(PAYLOAD_SIGNATURE_HEADER);
    if (jws === null) return `de header ${PAYLOAD_SIGNATURE_HEADER} ontbreekt`;
    const [encodedHeader, payload, signature, ...rest] = jws.split('.');
    const header = encodedHeader === undefined ? undefined : decodeHeader(encodedHeader);
    if (header === undefined || payload !== '' || signature === undefined || rest.length > 0) {
      return `${PAYLOAD_SIGNATURE_HEADER} is geen losse JWS (compacte vorm, zonder payload)`;
    }
    const sigD = header.sigD as { mId?: unknown; pars?: unknown } | undefined;
    if (
      header.alg !== 'PS256' ||
      header.b64 !== false ||
      sigD?.mId !== HTTP_HEADERS_MECHANISM ||
      JSON.stringify(sigD.pars) !== JSON.stringify(['digest']) ||
      !Array.isArray(header.crit) ||
      !['b64', 'sigD'].every((p) => (header.crit as unknown[]).includes(p))
    ) {
      return `${PAYLOAD_SIGNATURE_HEADER} is niet ondertekend zoals DDAS voorschrijft (PS256, b64 false, sigD over de header digest)`;
    }
    let chain: X509Certificate[];
    try {
      chain = (header.x5c as unknown[]).map((c) => new X509Certificate(Buffer.from(String(c), 'base64')));
    } catch {
      return 'x5c bevat geen leesbare certificaten';
    }
    const signer = chain[0];
    if (signer === undefined) return 'x5c bevat geen certificaat';
    if (header['x5t#S256'] !== undefined && header['x5t#S256'] !== createHash('sha256').update(signer.raw).digest('base64url')) {
      return 'x5t#S256 hoort niet bij het eerste certificaat in x5c';
    }
    if (!verify('sha256', jadesSigningInput(encodedHeader!, digest), { key: signer.publicKey, ...PS256 }, Buffer.from(signature, 'base64url'))) {
      return 'de handtekening klopt niet';
    }
    if (!chainsToAnchor(chain, anchors, clock())) return 'het certificaat van de handtekening is nu niet geldig of ketent niet aan een vertrouwd CA-certificaat';
    return undefined;
  };
}
