// Decoding Windows-1252 by hand. Node 20.18.3+ and 22.13+ route TextDecoder('windows-1252')
// through a Latin-1 fast path (nodejs/node#56542, #60888): outside stream mode 0x80 comes out as
// U+0080 instead of €, and 0x92 as U+0092 instead of ’. Latin-1 plus this 32-entry table is the
// WHATWG definition, needs no ICU and is the same on every Node version.

/** Bytes 0x80-0x9F. The five bytes Windows-1252 leaves unused map to the C1 control of the same value, as WHATWG says. */
const HIGH_CONTROL_RANGE: readonly string[] = [
  '\u20ac', '\u0081', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021',
  '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008d', '\u017d', '\u008f',
  '\u0090', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014',
  '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\u009d', '\u017e', '\u0178',
];

const HIGH_CONTROL = /[\u0080-\u009f]/g;

/** Windows-1252 is a single-byte code page, so chunks can be decoded independently. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(HIGH_CONTROL, (char) => HIGH_CONTROL_RANGE[char.charCodeAt(0) - 0x80] ?? char);
}
