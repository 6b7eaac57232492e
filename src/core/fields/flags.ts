// Yes/no columns (crisissignaal, warme overdracht) and the sex column, in the spellings that
// municipal spreadsheets and exports use.
//
// Contract shared by all field parsers: the caller passes the raw cell text, which is trimmed and
// lowercased here; an empty cell is the caller's concern, so these are only called with text that
// is non-empty after trimming.

import type { Geslacht, Parsed } from '../types.js';

/** Accepted spellings for yes/no, lowercase. `x` is a ticked box in a spreadsheet. */
export const BOOLEAN_WORDS: Readonly<Record<'true' | 'false', readonly string[]>> = {
  true: ['ja', 'j', 'true', '1', 'yes', 'y', 'waar', 'x'],
  false: ['nee', 'n', 'false', '0', 'no', 'onwaar'],
};

/** Accepted spellings per Geslacht, lowercase. `f` is the English "female"; `x` the passport marker. */
export const GESLACHT_WORDS: Readonly<Record<Geslacht, readonly string[]>> = {
  Man: ['m', 'man', 'mannelijk'],
  Vrouw: ['v', 'vrouw', 'vrouwelijk', 'f'],
  Onbekend: ['o', 'onbekend', 'x', 'onbepaald'],
};

const BOOLEANS = new Map<string, boolean>([
  ...BOOLEAN_WORDS.true.map((w): [string, boolean] => [w, true]),
  ...BOOLEAN_WORDS.false.map((w): [string, boolean] => [w, false]),
]);

const GESLACHTEN_BY_WORD = new Map<string, Geslacht>(
  (Object.keys(GESLACHT_WORDS) as Geslacht[]).flatMap((g) => GESLACHT_WORDS[g].map((w): [string, Geslacht] => [w, g])),
);

const BAD_BOOLEAN: Parsed<boolean> = {
  ok: false,
  expected: 'ja of nee (ook j/n, waar/onwaar, true/false, yes/no of 1/0; een x betekent ja)',
};

const BAD_GESLACHT: Parsed<Geslacht> = {
  ok: false,
  expected: 'man, vrouw of onbekend (ook m, v of o)',
};

/**
 * Parses a yes/no cell, case-insensitively.
 *
 * @param text raw cell text; non-empty after trimming (an empty cell is the caller's concern).
 */
export function parseBoolean(text: string): Parsed<boolean> {
  const value = BOOLEANS.get(text.trim().toLowerCase());
  return value === undefined ? BAD_BOOLEAN : { ok: true, value };
}

/**
 * Parses a sex cell to the DDAS geslachtsaanduiding, case-insensitively.
 *
 * @param text raw cell text; non-empty after trimming (an empty cell is the caller's concern).
 */
export function parseGeslacht(text: string): Parsed<Geslacht> {
  const value = GESLACHTEN_BY_WORD.get(text.trim().toLowerCase());
  return value === undefined ? BAD_GESLACHT : { ok: true, value };
}
