import { isUtf8 } from 'node:buffer';

/**
 * Checks a stream of bytes for valid UTF-8 a chunk at a time, without decoding it: decoding a list
 * of hundreds of megabytes only to throw the text away left tens of megabytes of garbage behind.
 * A character split between two chunks is held back and checked with the next one.
 */
export class Utf8Check {
  private held: Uint8Array = new Uint8Array(0);
  private valid = true;

  /** Adds the next chunk; false once the bytes so far cannot be UTF-8. */
  update(chunk: Uint8Array): boolean {
    if (!this.valid) return false;
    const bytes = this.held.length === 0 ? chunk : Buffer.concat([this.held, chunk]);
    const end = completeCharactersEnd(bytes);
    this.held = Uint8Array.from(bytes.subarray(end));
    this.valid = isUtf8(bytes.subarray(0, end));
    return this.valid;
  }

  /** Whether all the bytes were UTF-8: false also when they end in the middle of a character. */
  end(): boolean {
    return this.valid && this.held.length === 0;
  }
}

/**
 * Where the last complete character ends: before a lead byte near the end whose continuation
 * bytes have not all arrived yet. Anything else (also invalid bytes) is left to isUtf8 to judge.
 */
function completeCharactersEnd(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let i = length - 1; i >= Math.max(0, length - 4); i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const size = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return i + size > length ? i : length;
  }
  return length;
}
