import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { createStreamDecoder } from '../../src/csv/decode.js';
import { parseEncodingOption } from '../../src/csv/encoding.js';
import { decodeWindows1252 } from '../../src/csv/windows-1252.js';

describe('parseEncodingOption', () => {
  it.each([
    ['utf-8', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['utf-16', 'utf-16le'],
    ['utf-16le', 'utf-16le'],
    ['utf16', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
    ['windows-1252', 'windows-1252'],
    ['cp1252', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['ANSI', 'windows-1252'],
    [' utf-8 ', 'utf-8'],
  ] as const)('accepts %j', (text, expected) => {
    expect(parseEncodingOption(text)).toBe(expected);
  });

  it.each(['ascii', 'utf-32', 'iso-8859-15', ''])('refuses %j with a usage error listing the choices', (text) => {
    expect(() => parseEncodingOption(text)).toThrow(UsageError);
    try {
      parseEncodingOption(text);
    } catch (error) {
      expect((error as UsageError).hint).toMatch(/utf-8.*utf-16.*utf-16be.*windows-1252/);
    }
  });
});

describe('decodeWindows1252', () => {
  it('decodes the bytes 0x80-0x9F as Windows-1252, not as Latin-1 control characters', () => {
    // TextDecoder('windows-1252') gets exactly these wrong on Node 20.18.3+ outside stream mode.
    expect(decodeWindows1252(Buffer.from([0x80, 0x92, 0x93, 0x94, 0x96, 0x8a, 0x9f]))).toBe('€’“”–ŠŸ');
    expect(decodeWindows1252(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });

  it('decodes the other bytes as Latin-1', () => {
    expect(decodeWindows1252(Buffer.from([0x41, 0xe9, 0xeb, 0xf6, 0xff, 0xa0]))).toBe('Aéëöÿ\u00a0');
  });
});

describe('createStreamDecoder', () => {
  it('joins a UTF-8 character split over two chunks', () => {
    const decoder = createStreamDecoder('utf-8');
    const bytes = Buffer.from('Zoë', 'utf8');
    expect(decoder.decode(bytes.subarray(0, 3)) + decoder.decode(bytes.subarray(3)) + decoder.end()).toBe('Zoë');
  });

  it('refuses invalid bytes with a DataError instead of replacing them', () => {
    expect(() => createStreamDecoder('utf-8').decode(Buffer.from([0x4a, 0xe9, 0x4a]))).toThrow(/geen geldige UTF-8/);
    const decoder = createStreamDecoder('utf-16le');
    decoder.decode(Buffer.from([0x41, 0x00, 0x42]));
    expect(() => decoder.end()).toThrow(/geen geldige UTF-16LE/);
  });
});
