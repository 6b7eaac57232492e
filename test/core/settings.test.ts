// The settings a team can change with `eropaf config set`: each value is stored in one canonical
// form that the parser reads back to the same value, and the triage reads defaults otherwise.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contactTermDaysFrom,
  describeSettings,
  isSettingKey,
  normaliseSetting,
  SETTING_KEYS,
  triageConfigFrom,
  visitRulesFrom,
  type SettingKey,
} from '../../src/core/settings.js';
import { DEFAULT_TRIAGE_CONFIG } from '../../src/core/triage/types.js';

function normalised(key: SettingKey, text: string): string {
  const result = normaliseSetting(key, text);
  if (!result.ok) throw new Error(`${key} ${text}: ${result.expected}`);
  return result.value;
}

describe('normaliseSetting', () => {
  it.each([
    ['triage.herhaald-maanden', ' 6 ', '6'],
    ['triage.herhaald-maanden', '0', '0'],
    ['triage.herhaald-maanden', '12', '12'],
    ['triage.drempel', 'geen', 'geen'],
    ['triage.drempel', ' GEEN ', 'geen'],
    ['triage.drempel', '25', '€ 25,00'],
    ['triage.drempel', '€ 1.250,5', '€ 1.250,50'],
    ['triage.drempel', '0', '€ 0,00'],
    ['triage.volgorde', 'Bedrag, WOON', 'bedrag,woon'],
    ['triage.volgorde', 'ontstaansdatum,woon,bedrag', 'ontstaansdatum,woon,bedrag'],
  ] as const)('%s %j is stored as %j', (key, text, expected) => {
    expect(normalised(key, text)).toBe(expected);
  });

  it.each([
    ['triage.herhaald-maanden', '13'],
    ['triage.herhaald-maanden', '-1'],
    ['triage.herhaald-maanden', '2,5'],
    ['triage.herhaald-maanden', 'drie'],
    ['triage.herhaald-maanden', ''],
    ['triage.herhaald-maanden', '   '],
    ['triage.herhaald-maanden', '1e1'],
    ['triage.herhaald-maanden', '0x3'],
    ['triage.drempel', '-5'],
    ['triage.drempel', 'veel'],
    ['triage.drempel', ''],
    ['triage.volgorde', 'woon,woon'],
    ['triage.volgorde', 'woon,leeftijd'],
    ['triage.volgorde', ''],
  ] as const)('%s %j is refused with an explanation', (key, text) => {
    const result = normaliseSetting(key, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.expected.length).toBeGreaterThan(5);
  });

  it('is idempotent: a canonical value normalises to itself', () => {
    const samples: Array<[SettingKey, string]> = [
      ['triage.herhaald-maanden', '3'],
      ['triage.drempel', '€ 99,95'],
      ['triage.drempel', 'geen'],
      ['triage.volgorde', 'woon,bedrag'],
    ];
    for (const [key, text] of samples) {
      const once = normalised(key, text);
      expect(normalised(key, once)).toBe(once);
    }
  });

  it('stores any whole-euro-and-cents threshold so that the triage reads the same amount back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => {
        const text = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
        const stored = normalised('triage.drempel', text);
        expect(triageConfigFrom(new Map([['triage.drempel', stored]])).minAmountCents).toBe(cents);
      }),
    );
  });
});

describe('triageConfigFrom', () => {
  it('gives the defaults for an empty settings table', () => {
    expect(triageConfigFrom(new Map())).toEqual({
      repeatMonths: 3,
      minAmountCents: null,
      order: ['woon', 'bedrag', 'ontstaansdatum'],
    });
    expect(triageConfigFrom(new Map())).toEqual({ ...DEFAULT_TRIAGE_CONFIG, order: [...DEFAULT_TRIAGE_CONFIG.order] });
  });

  it('reads stored values', () => {
    const stored = new Map([
      ['triage.herhaald-maanden', '0'],
      ['triage.drempel', '€ 50,00'],
      ['triage.volgorde', 'bedrag,ontstaansdatum'],
    ]);
    expect(triageConfigFrom(stored)).toEqual({ repeatMonths: 0, minAmountCents: 5000, order: ['bedrag', 'ontstaansdatum'] });
  });

  it("reads a threshold 'geen' as no threshold", () => {
    expect(triageConfigFrom(new Map([['triage.drempel', 'geen']])).minAmountCents).toBeNull();
  });

  it('falls back to the default for a stored value that no longer parses, per setting', () => {
    const config = triageConfigFrom(
      new Map([
        ['triage.herhaald-maanden', '99'],
        ['triage.drempel', '€ 10,00'],
        ['triage.volgorde', 'leeftijd'],
      ]),
    );
    expect(config).toEqual({ repeatMonths: 3, minAmountCents: 1000, order: ['woon', 'bedrag', 'ontstaansdatum'] });
  });

  it('ignores unknown keys', () => {
    expect(triageConfigFrom(new Map([['triage.onbekend', '1']]))).toEqual(triageConfigFrom(new Map()));
  });
});

describe('describeSettings and the keys', () => {
  it('lists every setting with its value in force, marking defaults', () => {
    const described = describeSettings(new Map([['triage.drempel', '€ 20,00']]));
    expect(described.map((d) => d.key)).toEqual(SETTING_KEYS);
    expect(described.find((d) => d.key === 'triage.drempel')).toMatchObject({ value: '€ 20,00', isDefault: false });
    expect(described.find((d) => d.key === 'triage.herhaald-maanden')).toMatchObject({ value: '3', isDefault: true });
    expect(described.find((d) => d.key === 'triage.volgorde')).toMatchObject({
      value: 'woon,bedrag,ontstaansdatum',
      isDefault: true,
    });
  });

  it('knows exactly its keys', () => {
    expect(SETTING_KEYS.every(isSettingKey)).toBe(true);
    expect(isSettingKey('triage.Drempel')).toBe(false);
    expect(isSettingKey('toString')).toBe(false);
    expect(isSettingKey('__proto__')).toBe(false);
  });
});

describe('the house-visit and contact-term settings', () => {
  it('default to 3 attempts, 14 waiting days and a 14-day term', () => {
    const empty = new Map<string, string>();
    expect(visitRulesFrom(empty)).toEqual({ afterAttempts: 3, waitDays: 14 });
    expect(contactTermDaysFrom(empty)).toBe(14);
  });

  it('read what config set stored', () => {
    const stored = new Map([
      ['huisbezoek.na-pogingen', normalised('huisbezoek.na-pogingen', ' 2 ')],
      ['huisbezoek.wachtdagen', normalised('huisbezoek.wachtdagen', '0')],
      ['termijn.eerste-contact', normalised('termijn.eerste-contact', '28')],
    ]);
    expect(visitRulesFrom(stored)).toEqual({ afterAttempts: 2, waitDays: 0 });
    expect(contactTermDaysFrom(stored)).toBe(28);
  });

  it.each([
    ['huisbezoek.na-pogingen', '0'],
    ['huisbezoek.na-pogingen', '21'],
    ['huisbezoek.na-pogingen', '2.5'],
    ['huisbezoek.wachtdagen', '-1'],
    ['huisbezoek.wachtdagen', '366'],
    ['termijn.eerste-contact', '0'],
    ['termijn.eerste-contact', 'veertien'],
    ['termijn.eerste-contact', ''],
  ] as const)('refuse %s %j with what is expected', (key, text) => {
    const result = normaliseSetting(key, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.expected).toMatch(/^een heel aantal (pogingen|dagen) van \d+ tot en met \d+$/);
  });
});
