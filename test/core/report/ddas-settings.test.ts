// The saved details of the national delivery (`config set ddas.…`): each stored in one canonical
// form, "geen" clearing it, and read back as not set.

import { describe, expect, it } from 'vitest';
import { parseEmail, parseGemeentecode, parseKvk, savedDetail } from '../../../src/core/report/ddas-settings.js';
import { isSettingKey, normaliseSetting } from '../../../src/core/settings.js';

describe('ddas settings', () => {
  it.each([
    ['ddas.gemeentecode', ' 0397 ', '0397'],
    ['ddas.kvk', '1234 5678', '12345678'],
    ['ddas.contact-email', ' coordinator@example.nl ', 'coordinator@example.nl'],
    ['ddas.organisatie', 'WIJ   Heemstede', 'WIJ Heemstede'],
    ['ddas.contact-naam', 'GEEN', 'geen'],
  ] as const)('%s %j is stored as %j', (key, text, stored) => {
    expect(isSettingKey(key)).toBe(true);
    expect(normaliseSetting(key, text)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ['ddas.gemeentecode', '397'],
    ['ddas.kvk', '1234567'],
    ['ddas.contact-email', 'coordinator'],
    ['ddas.contact-email', 'a b@example.nl'],
    ['ddas.organisatie', 'x'.repeat(201)],
  ] as const)('%s %j is refused', (key, text) => {
    expect(normaliseSetting(key, text).ok).toBe(false);
  });

  it('reads a saved value back, and "geen" or a value that no longer parses as not set', () => {
    const stored = new Map([
      ['ddas.gemeentecode', '0397'],
      ['ddas.organisatie', 'geen'],
      ['ddas.kvk', 'twaalf'],
    ]);
    expect(savedDetail(stored, 'ddas.gemeentecode')).toBe('0397');
    expect(savedDetail(stored, 'ddas.organisatie')).toBeUndefined();
    expect(savedDetail(stored, 'ddas.kvk')).toBeUndefined();
    expect(savedDetail(stored, 'ddas.contact-email')).toBeUndefined();
  });

  it('uses the same parsers for options as for saved values', () => {
    expect(parseGemeentecode('0518')).toEqual({ ok: true, value: '0518' });
    expect(parseKvk('87654321')).toEqual({ ok: true, value: '87654321' });
    expect(parseEmail('x@y.nl')).toEqual({ ok: true, value: 'x@y.nl' });
  });
});
