// Turning CSV text into the bytes a municipality's file would have. Excel on a Dutch Windows
// machine saves "CSV" in Windows-1252, so that encoding is written by hand here (Node has no
// encoder for it): a wrong byte for € or ë is exactly the bug the import has to survive.

/** Windows-1252 bytes 0x80-0x9F that differ from Latin-1; the other five in that range are unused. */
const HIGH_CONTROL_RANGE: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], // €
  [0x201a, 0x82], // ‚
  [0x0192, 0x83], // ƒ
  [0x201e, 0x84], // „
  [0x2026, 0x85], // …
  [0x2020, 0x86], // †
  [0x2021, 0x87], // ‡
  [0x02c6, 0x88], // ˆ
  [0x2030, 0x89], // ‰
  [0x0160, 0x8a], // Š
  [0x2039, 0x8b], // ‹
  [0x0152, 0x8c], // Œ
  [0x017d, 0x8e], // Ž
  [0x2018, 0x91], // ‘
  [0x2019, 0x92], // ’
  [0x201c, 0x93], // “
  [0x201d, 0x94], // ”
  [0x2022, 0x95], // •
  [0x2013, 0x96], // –
  [0x2014, 0x97], // —
  [0x02dc, 0x98], // ˜
  [0x2122, 0x99], // ™
  [0x0161, 0x9a], // š
  [0x203a, 0x9b], // ›
  [0x0153, 0x9c], // œ
  [0x017e, 0x9e], // ž
  [0x0178, 0x9f], // Ÿ
]);

/**
 * Encodes text as Windows-1252. Throws on a character the code page cannot hold (rather than
 * writing '?'), so a generator change that introduces one is noticed instead of silently
 * producing a fixture that differs from its UTF-8 twin.
 */
export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let byte: number | undefined;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) byte = code;
    else byte = HIGH_CONTROL_RANGE.get(code);
    if (byte === undefined) {
      const codePoint = text.codePointAt(i) ?? code;
      const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
      throw new RangeError(`U+${hex} at position ${i} cannot be encoded in Windows-1252`);
    }
    bytes[i] = byte;
  }
  return bytes;
}

export function encodeUtf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** UTF-16 little endian, what Excel's "Unicode text" export writes (its BOM comes from the text). */
export function encodeUtf16le(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}
