// The address identifies the household (a melding is "all signals on one address in one month"),
// so its parts are normalised to one spelling: two lists that write `2101 ab` and `2101AB` must
// land on the same household.
//
// Contract shared by all field parsers: the caller passes the raw cell text, which is trimmed here;
// an empty cell is the caller's concern, so the parsers are only called with text that is
// non-empty after trimming. Error texts never contain the value (an address is personal data).

import type { Parsed } from '../types.js';

const POSTCODE_EXPECTED = 'een postcode zoals 1234 AB (vier cijfers, niet beginnend met 0, en twee letters)';
const BAD_POSTCODE: Parsed<string> = { ok: false, expected: POSTCODE_EXPECTED };
const POSTCODE_NO_LETTERS: Parsed<string> = {
  ok: false,
  expected: POSTCODE_EXPECTED,
  hint: 'De twee letters van de postcode ontbreken; vul ze aan.',
};

const HUISNUMMER_EXPECTED = 'een huisnummer van alleen cijfers, 1 tot en met 99999, zonder voorloopnul';
const BAD_HUISNUMMER: Parsed<string> = { ok: false, expected: HUISNUMMER_EXPECTED };
const HUISNUMMER_WITH_TOEVOEGING: Parsed<string> = {
  ok: false,
  expected: HUISNUMMER_EXPECTED,
  hint: 'Zet de letter of toevoeging (zoals A, bis of 2) in de kolom huisnummertoevoeging (of toevoeging) en laat in deze kolom alleen het nummer staan.',
};
const HUISNUMMER_LEADING_ZERO: Parsed<string> = {
  ok: false,
  expected: HUISNUMMER_EXPECTED,
  hint: 'Laat de voorloopnul weg.',
};

const C_0 = 48;
const C_1 = 49;
const C_9 = 57;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f;
}

/** ASCII letter, returned uppercased, or -1. */
function upperLetter(c: number): number {
  if (c >= 65 && c <= 90) return c;
  if (c >= 97 && c <= 122) return c - 32;
  return -1;
}

/**
 * Parses a Dutch postcode to `1234AB`: four digits not starting with 0, then two letters, in any
 * case, with any spaces in between (`2101 ab`, `2101AB`, ` 2101  AB`).
 *
 * @param text raw cell text; non-empty after trimming (an empty cell is the caller's concern).
 */
export function parsePostcode(text: string): Parsed<string> {
  const n = text.length;
  // Gather the non-space characters without building an intermediate string: a valid postcode
  // has exactly six of them.
  let count = 0;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let l1 = 0;
  let l2 = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) continue;
    if (count < 4) {
      if (!isDigit(c)) return BAD_POSTCODE;
      if (count === 0) d0 = c;
      else if (count === 1) d1 = c;
      else if (count === 2) d2 = c;
      else d3 = c;
    } else if (count === 4) {
      l1 = upperLetter(c);
      if (l1 < 0) return BAD_POSTCODE;
    } else if (count === 5) {
      l2 = upperLetter(c);
      if (l2 < 0) return BAD_POSTCODE;
    } else {
      return BAD_POSTCODE;
    }
    count++;
  }
  if (count === 4 && d0 >= C_1) return POSTCODE_NO_LETTERS;
  if (count !== 6 || d0 < C_1) return BAD_POSTCODE;
  return { ok: true, value: String.fromCharCode(d0, d1, d2, d3, l1, l2) };
}

/**
 * Parses a house number: digits only, no leading zero, 1..99999. Returned as the digit string
 * (Address.huisnummer). A letter or suffix (`12a`, `12 A`, `12-2`) is refused with a hint to use
 * the toevoeging column, because splitting it here would guess where the number ends.
 *
 * @param text raw cell text; non-empty after trimming (an empty cell is the caller's concern).
 */
export function parseHuisnummer(text: string): Parsed<string> {
  const s = text.trim();
  const n = s.length;
  let i = 0;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  if (i === 0) return BAD_HUISNUMMER;
  if (i < n) {
    // Digits followed by something: most likely a number with its toevoeging in one cell.
    const c = s.charCodeAt(i);
    return isWhitespace(c) || c === 45 || c === 47 || upperLetter(c) >= 0 ? HUISNUMMER_WITH_TOEVOEGING : BAD_HUISNUMMER;
  }
  if (s.charCodeAt(0) === C_0) return n === 1 ? BAD_HUISNUMMER : HUISNUMMER_LEADING_ZERO;
  if (n > 5) return BAD_HUISNUMMER;
  return { ok: true, value: s };
}

const INNER_WHITESPACE = /\s+/g;
const LEADING_DASHES = /^(?:-\s*)+/;

/**
 * Normalises a house-number suffix: trimmed, uppercased, inner whitespace collapsed to one space,
 * a leading `-` removed (`-a` and `A` are the same address). Returns '' for no suffix; unlike
 * the parsers this accepts the empty string, because the column is optional by nature.
 */
export function normaliseToevoeging(text: string): string {
  let s = text.trim();
  if (s.length === 0) return s;
  if (s.charCodeAt(0) === 45) s = s.replace(LEADING_DASHES, '');
  return s.replace(INNER_WHITESPACE, ' ').toUpperCase();
}

/** The national limit for a toevoeging (DDAS informatiemodel vroegsignalering: huisnummertoevoeging AN4). */
export const TOEVOEGING_MAX = 4;

/**
 * A house-number suffix, normalised as by normaliseToevoeging, of at most four characters: the
 * national delivery cannot carry a longer one, so it is refused at the import, where the row can
 * still be corrected, and not at the export months later.
 */
export function parseToevoeging(text: string): Parsed<string> {
  const value = normaliseToevoeging(text);
  if (value.length <= TOEVOEGING_MAX) return { ok: true, value };
  return {
    ok: false,
    expected: `een toevoeging van hoogstens ${TOEVOEGING_MAX} tekens, zoals A, BIS of 2-H`,
    hint: 'Het landelijke DDAS-model staat geen langere toevoeging toe; kort haar in (bijvoorbeeld "zwart" wordt "ZW") of zet de rest in de straatnaam.',
  };
}
