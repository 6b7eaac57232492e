// The streaming UTF-8 check gives the same answer as decoding the whole file strictly, however the
// file is cut into chunks: characters split between chunks included.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Check } from '../../src/csv/utf8-check.js';

function strictlyUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function checkInChunks(bytes: Uint8Array, cuts: number[]): boolean {
  const check = new Utf8Check();
  let start = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    check.update(bytes.subarray(start, cut));
    start = cut;
  }
  check.update(bytes.subarray(start));
  return check.end();
}

const encoder = new TextEncoder();
// Text with characters of one to four bytes, and bytes with a bias to UTF-8's special ranges.
const text = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => encoder.encode(`${s}€é😀`));
const bytes = fc.uint8Array({ maxLength: 40 }).map((a) => a.map((b, i) => (i % 3 === 0 ? 0x80 | (b & 0x3f) : b)));
const cuts = fc.array(fc.nat(), { maxLength: 8 });

describe('Utf8Check', () => {
  it('accepts valid UTF-8 cut anywhere, also inside a character', () => {
    fc.assert(fc.property(text, cuts, (valid, at) => {
        expect(checkInChunks(valid, at)).toBe(true);
      }));
  });

  it('agrees with a strict decoder on any bytes and any cuts', () => {
    fc.assert(fc.property(bytes, cuts, (any, at) => {
        expect(checkInChunks(any, at)).toBe(strictlyUtf8(any));
      }));
  });

  it('refuses a file that ends in the middle of a character', () => {
    const euro = encoder.encode('prijs €');
    expect(checkInChunks(euro.subarray(0, euro.length - 1), [3])).toBe(false);
  });

  it('refuses a Windows-1252 byte, and stays refused', () => {
    const check = new Utf8Check();
    expect(check.update(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x3b]))).toBe(false);
    expect(check.update(encoder.encode('gewoon'))).toBe(false);
    expect(check.end()).toBe(false);
  });
});
