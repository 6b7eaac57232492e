// The BSN (burgerservicenummer) identifies a person; the DDAS model identifies a client by BSN or
// by address. A wrong BSN would link a signal to the wrong person, so it is validated with the
// elfproef, which catches every single-digit typo and every swap of two adjacent digits.
//
// Contract shared by all field parsers: the caller passes the raw cell text, which is trimmed here;
// an empty cell is the caller's concern, so parseBsn is only called with text that is non-empty
// after trimming. Error texts never contain the value; use maskBsn to show one.

import type { Parsed } from '../types.js';

const C_0 = 48;
const C_9 = 57;

const EXPECTED_DIGITS = 'een BSN van negen cijfers (acht als Excel de voorloopnul heeft weggelaten)';
const EXPECTED_VALID = 'een geldig BSN (negen cijfers die voldoen aan de elfproef)';

const NOT_DIGITS: Parsed<string> = {
  ok: false,
  expected: EXPECTED_DIGITS,
  hint: 'Een BSN bestaat alleen uit cijfers; controleer of er iets anders in de BSN-kolom staat.',
};
const SCIENTIFIC: Parsed<string> = {
  ok: false,
  expected: EXPECTED_DIGITS,
  hint: 'Excel heeft het BSN als getal met een E weergegeven; maak de kolom op als tekst en exporteer opnieuw.',
};
const TOO_SHORT: Parsed<string> = {
  ok: false,
  expected: EXPECTED_DIGITS,
  hint: 'Het BSN is te kort; controleer of het volledig is overgenomen.',
};
const TOO_LONG: Parsed<string> = {
  ok: false,
  expected: EXPECTED_DIGITS,
  hint: 'Het nummer is te lang voor een BSN; controleer of er een ander nummer (zoals een klantnummer) in de BSN-kolom staat.',
};
const FAILS_ELFPROEF: Parsed<string> = {
  ok: false,
  expected: EXPECTED_VALID,
  hint: 'Controleer het BSN op een tikfout of twee omgedraaide cijfers.',
};

/**
 * The elfproef: for digits d1..d9, 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11.
 * `000000000` passes the arithmetic but is not a BSN. Anything other than exactly nine ASCII
 * digits is false.
 */
export function isValidBsn(nineDigits: string): boolean {
  if (nineDigits.length !== 9) return false;
  let sum = 0;
  let allZero = true;
  for (let i = 0; i < 9; i++) {
    const c = nineDigits.charCodeAt(i);
    if (c < C_0 || c > C_9) return false;
    const d = c - C_0;
    if (d !== 0) allZero = false;
    sum += i === 8 ? -d : (9 - i) * d;
  }
  return !allZero && sum % 11 === 0;
}

/**
 * Parses a BSN to its nine digits. Spaces and dots are removed (`1234.56.782`, `123 456 782`).
 * An eight-digit value gets a leading zero back: BSNs can start with 0, and Excel, treating the
 * column as a number, drops it. The result must pass the elfproef.
 *
 * @param text raw cell text; non-empty after trimming (an empty cell is the caller's concern).
 */
export function parseBsn(text: string): Parsed<string> {
  const s = text.trim();
  const n = s.length;
  let digits = 0;
  let other = false;
  let exponent = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= C_0 && c <= C_9) {
      digits++;
    } else if (c === 32 || c === 46 || c === 9 || c === 0xa0 || c === 0x202f) {
      // spaces and dots are formatting
    } else {
      other = true;
      if (c === 69 || c === 101) exponent = true; // E or e, as in 1,23457E+08
    }
  }
  if (other) return exponent ? SCIENTIFIC : NOT_DIGITS;
  if (digits < 8) return TOO_SHORT;
  if (digits > 9) return TOO_LONG;

  let value = digits === n ? s : '';
  if (value === '') {
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= C_0 && c <= C_9) value += String.fromCharCode(c);
    }
  }
  if (digits === 8) value = '0' + value;
  return isValidBsn(value) ? { ok: true, value } : FAILS_ELFPROEF;
}

/**
 * Masks a BSN for display: every character but the last three becomes `*` (`******782`). Works
 * on any string, because it is also used to show an invalid value in an error message; a value
 * of three characters or fewer is masked completely, so that the output never reveals a whole
 * value.
 */
export function maskBsn(bsn: string): string {
  const n = bsn.length;
  if (n <= 3) return '*'.repeat(n);
  return '*'.repeat(n - 3) + bsn.slice(n - 3);
}
