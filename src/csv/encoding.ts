// The text encodings a monthly list arrives in. Excel on a Dutch Windows machine writes
// "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252, "CSV UTF-8" in UTF-8 with a BOM,
// and "Unicode-tekst" in UTF-16LE; other systems mostly write UTF-8.

import { UsageError } from '../core/errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The spellings users type, lower-cased. `latin1` and `ansi` mean Windows-1252 in practice (WHATWG does the same). */
const ENCODING_ALIASES: ReadonlyMap<string, Encoding> = new Map([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['utf-16', 'utf-16le'],
  ['utf-16le', 'utf-16le'],
  ['utf16', 'utf-16le'],
  ['utf16le', 'utf-16le'],
  ['utf-16be', 'utf-16be'],
  ['utf16be', 'utf-16be'],
  ['windows-1252', 'windows-1252'],
  ['cp1252', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['latin-1', 'windows-1252'],
  ['ansi', 'windows-1252'],
]);

/** The name shown to users in messages. */
export function encodingLabel(encoding: Encoding): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-16le':
      return 'UTF-16LE';
    case 'utf-16be':
      return 'UTF-16BE';
    case 'windows-1252':
      return 'Windows-1252';
  }
}

export function isUtf16(encoding: Encoding): boolean {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}

/** Parses the value of an encoding option; throws a UsageError for anything it does not know. */
export function parseEncodingOption(text: string): Encoding {
  const encoding = ENCODING_ALIASES.get(text.trim().toLowerCase());
  if (encoding === undefined) {
    throw new UsageError(`Onbekende codering "${text}".`, {
      hint: 'Kies utf-8 (ook: utf8), utf-16 (ook: utf-16le, utf16), utf-16be of windows-1252 (ook: cp1252, latin1, ansi), of laat de codering weg om die te laten herkennen.',
    });
  }
  return encoding;
}
