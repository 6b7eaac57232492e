// Test BSNs. A generated BSN must look valid to the importer (pass the 11-test) yet never belong
// to a real person, so every number starts with 9999, the range reserved for test BSNs.

import type { Random } from './random.js';

export const TEST_BSN_PREFIX = '9999';

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/** The "elfproef": 9*d1 + 8*d2 + … + 2*d8 - 1*d9 is divisible by 11 (and not all zeros). */
export function passesElfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(bsn[i]) * (WEIGHTS[i] as number);
  return sum % 11 === 0;
}

/** The 11-test's check digit for eight leading digits, or null when none exists (it would be 10). */
function checkDigit(first8: string): number | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * (WEIGHTS[i] as number);
  const digit = sum % 11;
  return digit === 10 ? null : digit;
}

let table: readonly string[] | null = null;

/**
 * Every valid BSN in the test range, in ascending order (9,091 of them). Used to hand out
 * distinct BSNs: a population can have at most this many different people with a BSN.
 */
export function allTestBsns(): readonly string[] {
  if (table === null) {
    const all: string[] = [];
    for (let middle = 0; middle < 10_000; middle++) {
      const first8 = TEST_BSN_PREFIX + String(middle).padStart(4, '0');
      const digit = checkDigit(first8);
      if (digit !== null) all.push(first8 + String(digit));
    }
    table = all;
  }
  return table;
}

/** A random valid test BSN (not necessarily distinct from earlier ones). */
export function generateTestBsn(rng: Random): string {
  return rng.pick(allTestBsns());
}
