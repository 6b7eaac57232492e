// The triage's configuration as the command line and the README present it: the priority keys
// with a Dutch explanation each, and a parser for an order written as `woon,bedrag,ontstaansdatum`.

import type { Parsed } from '../types.js';
import { PRIORITY_KEYS, type PriorityKey } from './types.js';

export const PRIORITY_KEY_DESCRIPTIONS: Readonly<Record<PriorityKey, string>> = {
  woon: 'eerst een signaal van Huur of Hypotheek (risico op verlies van de woning)',
  bedrag: 'eerst het hoogste totaalbedrag',
  ontstaansdatum: 'eerst de oudste ontstaansdatum (onbekend achteraan)',
};

const EXPECTED = `een volgorde van ${PRIORITY_KEYS.join(', ')}, gescheiden door komma's`;

/**
 * Parses a priority order: keys separated by commas, each at most once, case-insensitively.
 * A key left out is not used; the melding reference always breaks the last tie.
 */
export function parsePriorityOrder(text: string): Parsed<PriorityKey[]> {
  const words = text
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '');
  if (words.length === 0) return { ok: false, expected: EXPECTED };
  const keys: PriorityKey[] = [];
  for (const w of words) {
    const key = PRIORITY_KEYS.find((k) => k === w);
    if (key === undefined) return { ok: false, expected: EXPECTED };
    if (keys.includes(key)) return { ok: false, expected: EXPECTED, hint: 'Noem elk onderdeel hoogstens één keer.' };
    keys.push(key);
  }
  return { ok: true, value: keys };
}
