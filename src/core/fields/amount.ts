// Amounts arrive in whatever shape the municipality's spreadsheet or export produced: Dutch
// (1.234,56), English (1,234.56), with or without a currency sign, with spaces as thousands
// separators. This parser is hand-written because it runs once per row of every import (up to a
// million rows): one pass over the characters to classify them, one to read the digits.
//
// Contract shared by all field parsers: the caller passes the raw cell text, which is trimmed here;
// an empty cell is the caller's concern (it knows whether the column is optional), so these
// parsers are only called with text that is non-empty after trimming. Error texts never contain
// the value itself: it may be personal data and the caller prints a masked version.

import type { Parsed } from '../types.js';

/**
 * One million euros, in cents. An arrear above this is almost certainly a misread column (cents
 * instead of euros, an account number) or a misread separator, not a real payment arrear.
 */
export const MAX_AMOUNT_CENTS = 100_000_000;

const EXPECTED = "een bedrag in euro's zoals 1234,56 of € 1.234,56";

const INVALID: Parsed<number> = { ok: false, expected: EXPECTED };
const BAD_GROUPING: Parsed<number> = {
  ok: false,
  expected: EXPECTED,
  hint: 'Duizendtallen staan in groepjes van drie cijfers (1.234.567,89); controleer de punten en komma’s.',
};
const TOO_MANY_DECIMALS: Parsed<number> = {
  ok: false,
  expected: EXPECTED,
  hint: 'Gebruik hoogstens twee cijfers achter de komma; duizendtallen scheidt u met een punt (12.500 is twaalfduizendvijfhonderd euro).',
};
const NEGATIVE: Parsed<number> = {
  ok: false,
  expected: 'een bedrag van 0 of meer (geen negatief bedrag)',
  hint: 'Een achterstand is nooit negatief; controleer de bron.',
};
const TOO_HIGH: Parsed<number> = {
  ok: false,
  expected: 'een bedrag van hoogstens € 1.000.000,00',
  hint: "Onwaarschijnlijk hoog bedrag; controleer of de kolom het bedrag in euro's bevat (niet in centen) en of punt en komma goed staan.",
};

const C_0 = 48;
const C_9 = 57;
const C_COMMA = 44;
const C_DOT = 46;
const C_HYPHEN = 45;
const C_MINUS_SIGN = 0x2212;
const C_EURO = 0x20ac;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

// Spreadsheets format thousands with a normal, a no-break or a narrow no-break space.
function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 9;
}

function isMinus(c: number): boolean {
  return c === C_HYPHEN || c === C_MINUS_SIGN;
}

/** Length of a currency word (`EUR`, `EURO`, any case) starting at `i`, or 0. */
function currencyWordAt(s: string, i: number, end: number): number {
  if (end - i < 3) return 0;
  if ((s.charCodeAt(i) | 0x20) !== 0x65) return 0; // e
  if ((s.charCodeAt(i + 1) | 0x20) !== 0x75) return 0; // u
  if ((s.charCodeAt(i + 2) | 0x20) !== 0x72) return 0; // r
  if (end - i >= 4 && (s.charCodeAt(i + 3) | 0x20) === 0x6f) return 4; // o
  return 3;
}

/** Length of a currency word (`EUR`, `EURO`) ending just before `end`, or 0. */
function currencyWordBefore(s: string, start: number, end: number): number {
  if (end - start >= 4 && (s.charCodeAt(end - 1) | 0x20) === 0x6f && currencyWordAt(s, end - 4, end) === 4) {
    return 4;
  }
  if (end - start >= 3 && currencyWordAt(s, end - 3, end) === 3) return 3;
  return 0;
}

/**
 * Parses an amount in euros to integer cents.
 *
 * Accepted: `1234`, `1234,56`, `1234.56`, `1.234,56`, `1,234.56`, `1 234,56`, `12,5`, `12,-`,
 * with `€`, `EUR` or `EURO` before or after. With both `.` and `,` present the last one is the
 * decimal separator. A single `.` followed by exactly three digits and nothing else (`12.500`) is
 * read as a Dutch thousands separator, not as English decimals: Dutch lists write thousands that
 * way, an arrear is never given to a tenth of a cent, and the opposite reading would silently make
 * 12.500 euros into 12,50. Likewise a single `,` is always the decimal separator, so `12,500` is an
 * error (three decimals) rather than a guess.
 *
 * Rejected: more than two decimals, a negative amount (a leading or trailing minus), more than
 * MAX_AMOUNT_CENTS.
 *
 * @param text raw cell text; non-empty after trimming (an empty cell is the caller's concern).
 */
export function parseAmountCents(text: string): Parsed<number> {
  const s = text.trim();
  let start = 0;
  let end = s.length;
  let negative = false;
  let currency = false;

  // Prefix: at most one minus and one currency sign, in either order ("-€ 12" and "€ -12" occur).
  for (;;) {
    if (start >= end) break;
    const c = s.charCodeAt(start);
    if (isSpace(c)) {
      start++;
    } else if (!negative && isMinus(c)) {
      negative = true;
      start++;
    } else if (!currency && c === C_EURO) {
      currency = true;
      start++;
    } else if (!currency && currencyWordAt(s, start, end) > 0) {
      currency = true;
      start += currencyWordAt(s, start, end);
    } else {
      break;
    }
  }

  // Suffix: "12,50 €", "12,50 EUR", a trailing minus as some bookkeeping exports write it, and the
  // Dutch ",-" meaning "no cents" (which must not be mistaken for that trailing minus).
  for (;;) {
    if (end <= start) break;
    const c = s.charCodeAt(end - 1);
    if (isSpace(c)) {
      end--;
    } else if (isMinus(c) && end - 2 >= start && s.charCodeAt(end - 2) === C_COMMA) {
      end -= 2;
      break;
    } else if (!negative && isMinus(c)) {
      negative = true;
      end--;
    } else if (!currency && c === C_EURO) {
      currency = true;
      end--;
    } else if (!currency && currencyWordBefore(s, start, end) > 0) {
      currency = true;
      end -= currencyWordBefore(s, start, end);
    } else {
      break;
    }
  }
  if (start >= end) return INVALID;

  // First pass: classify the characters and find the separators.
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c) || isSpace(c)) continue;
    if (c === C_DOT) {
      dots++;
      lastDot = i;
    } else if (c === C_COMMA) {
      commas++;
      lastComma = i;
    } else {
      return INVALID;
    }
  }

  // Decide which character (if any) is the decimal separator and which groups thousands.
  let decimalPos = -1;
  let groupSep = -1;
  if (dots > 0 && commas > 0) {
    if (lastDot > lastComma) {
      if (dots > 1) return BAD_GROUPING;
      decimalPos = lastDot;
      groupSep = C_COMMA;
    } else {
      if (commas > 1) return BAD_GROUPING;
      decimalPos = lastComma;
      groupSep = C_DOT;
    }
  } else if (commas === 1) {
    decimalPos = lastComma;
  } else if (commas > 1) {
    groupSep = C_COMMA;
  } else if (dots === 1) {
    const threeDigitsAfter =
      end - lastDot === 4 &&
      isDigit(s.charCodeAt(lastDot + 1)) &&
      isDigit(s.charCodeAt(lastDot + 2)) &&
      isDigit(s.charCodeAt(lastDot + 3));
    if (threeDigitsAfter) groupSep = C_DOT;
    else decimalPos = lastDot;
  } else if (dots > 1) {
    groupSep = C_DOT;
  }

  // Second pass over the whole-euro part: digits in groups of three after the first group when
  // any separator is used; without separators any number of digits (leading zeros included).
  const intEnd = decimalPos >= 0 ? decimalPos : end;
  let euros = 0;
  let groupLen = 0;
  let groups = 0;
  let firstGroupLeadingZero = false;
  for (let i = start; i < intEnd; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      if (groupLen === 0 && groups === 0 && c === C_0) firstGroupLeadingZero = true;
      euros = euros * 10 + (c - C_0);
      groupLen++;
    } else if (c === groupSep || isSpace(c)) {
      // A separator must close a complete group: 1-3 digits first, then exactly 3.
      if (groupLen === 0) return groups === 0 && i === start ? INVALID : BAD_GROUPING;
      if (groups === 0 ? groupLen > 3 || firstGroupLeadingZero : groupLen !== 3) return BAD_GROUPING;
      groups++;
      groupLen = 0;
    } else {
      // Unreachable after the classification above; kept so that a change there cannot let a
      // stray separator through as if it were a digit.
      return BAD_GROUPING;
    }
  }
  if (groupLen === 0) return groups === 0 ? INVALID : BAD_GROUPING;
  if (groups > 0 && groupLen !== 3) return BAD_GROUPING;

  let fraction = 0;
  if (decimalPos >= 0) {
    const fracLen = end - decimalPos - 1;
    if (fracLen === 0) return INVALID;
    for (let i = decimalPos + 1; i < end; i++) {
      if (!isDigit(s.charCodeAt(i))) return INVALID;
    }
    if (fracLen > 2) return TOO_MANY_DECIMALS;
    fraction = (s.charCodeAt(decimalPos + 1) - C_0) * 10;
    if (fracLen === 2) fraction += s.charCodeAt(decimalPos + 2) - C_0;
  }

  const cents = euros * 100 + fraction;
  if (negative && cents > 0) return NEGATIVE;
  if (cents > MAX_AMOUNT_CENTS) return TOO_HIGH;
  return { ok: true, value: cents };
}

/**
 * Formats integer cents for Dutch display: `€ 1.234,56`, `€ 0,05`, `€ -12,50`.
 * Throws a RangeError for a non-integer (a bug in the caller, not bad data).
 */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('formatCents expects a whole number of cents');
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const rest = abs % 100;
  const digits = String((abs - rest) / 100);
  const len = digits.length;
  const first = len % 3 || 3;
  let grouped = digits.slice(0, first);
  for (let i = first; i < len; i += 3) grouped += '.' + digits.slice(i, i + 3);
  return (negative ? '€ -' : '€ ') + grouped + (rest < 10 ? ',0' : ',') + rest;
}
