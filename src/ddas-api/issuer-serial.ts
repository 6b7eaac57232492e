// The JAdES `kid` (ETSI TS 119 182-1, 5.1.4): the base64 of a DER IssuerSerial (RFC 5035) of the
// signing certificate, { GeneralNames { directoryName [4] issuer }, serialNumber }. node:crypto
// gives the issuer only as text, so the issuer Name and the serial are taken from the
// certificate's own DER, unchanged.

interface Tlv {
  /** Where the element starts (its tag). */
  start: number;
  /** Where its content starts. */
  content: number;
  end: number;
}

function readTlv(der: Uint8Array, start: number): Tlv {
  let at = start + 1;
  const first = der[at++];
  if (first === undefined) throw new Error('DER ends early');
  let length = first;
  if (first & 0x80) {
    const bytes = first & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[at++] ?? 0);
  }
  const end = at + length;
  if (end > der.length) throw new Error('DER ends early');
  return { start, content: at, end };
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function wrap(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

/** The DER IssuerSerial of a DER certificate. */
export function issuerSerial(certificateDer: Uint8Array): Buffer {
  const der = Buffer.from(certificateDer);
  const certificate = readTlv(der, 0);
  const tbs = readTlv(der, certificate.content);
  let field = readTlv(der, tbs.content);
  // The version is an explicit [0] before the serial, absent for a version 1 certificate.
  if (der[field.start] === 0xa0) field = readTlv(der, field.end);
  const serial = field;
  const signatureAlgorithm = readTlv(der, serial.end);
  const issuer = readTlv(der, signatureAlgorithm.end);
  const generalNames = wrap(0x30, wrap(0xa4, der.subarray(issuer.start, issuer.end)));
  return wrap(0x30, Buffer.concat([generalNames, der.subarray(serial.start, serial.end)]));
}
