import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  SIGNAALPARTNER_WORDS,
  normaliseSignaalpartnerWord,
  parseSignaalpartner,
} from '../../../src/core/fields/signaalpartner.js';
import { SIGNAALPARTNERS, type Signaalpartner } from '../../../src/core/types.js';

describe('parseSignaalpartner', () => {
  it.each(SIGNAALPARTNERS.map((t) => [t]))('accepts the national type %j as written', (type) => {
    expect(parseSignaalpartner(type)).toEqual({ ok: true, value: type });
  });

  it.each([
    ['huur', 'Huur'],
    ['Woningcorporatie', 'Huur'],
    ['woningbouwvereniging', 'Huur'],
    ['Verhuurder', 'Huur'],
    ['wooncorporatie', 'Huur'],
    ['woning', 'Huur'],
    ['GAS', 'Energie'],
    ['stroom', 'Energie'],
    ['Elektriciteit', 'Energie'],
    ['electriciteit', 'Energie'],
    ['energie-leverancier', 'Energie'],
    ['warmte', 'Energie'],
    ['Drinkwater', 'Water'],
    ['water bedrijf', 'Water'],
    ['Zorgverzekeraar', 'Zorg'],
    ['zorg verzekering', 'Zorg'],
    ['ziektekosten', 'Zorg'],
    ['CAK', 'CAK Zorgverzekeringen'],
    ['cak_zorgverzekeringen', 'CAK Zorgverzekeringen'],
    ['Wanbetalersregeling', 'CAK Zorgverzekeringen'],
    ['CAK eigen-bijdrage', 'CAK Eigen bijdrage'],
    ['Eigen bijdrage', 'CAK Eigen bijdrage'],
    ['hypotheek verstrekker', 'Hypotheek'],
    ['duo', 'DUO'],
    ['Studieschuld', 'DUO'],
    ['belasting', 'Belastingdienst'],
    ['BELASTINGDIENST', 'Belastingdienst'],
    ['Toeslagen', 'Dienst Toeslagen'],
    ['dienst.toeslagen', 'Dienst Toeslagen'],
    ['overig', 'Overige'],
    ['Anders', 'Overige'],
    ['  Huur  ', 'Huur'],
    ['h-u_u.r', 'Huur'],
  ])('reads %j as %s', (text, type) => {
    expect(parseSignaalpartner(text)).toEqual({ ok: true, value: type });
  });

  it.each(['huurder', 'gas/stroom', 'energie en water', 'zorgverzekeraars?', 'xyz', '1'])(
    'refuses %j, listing the national types',
    (text) => {
      const parsed = parseSignaalpartner(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        for (const type of SIGNAALPARTNERS) expect(parsed.expected).toContain(type);
      }
    },
  );

  it('accepts every table word in any case and with stray separators', () => {
    const entries = (Object.entries(SIGNAALPARTNER_WORDS) as [Signaalpartner, readonly string[]][]).flatMap(
      ([type, words]) => words.map((word) => ({ type, word })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...entries),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        fc.constantFrom(' ', '-', '_', '.'),
        ({ type, word }, upper, sep) => {
          const mangled = word
            .split('')
            .map((ch, i) => (upper[i] ? ch.toUpperCase() : ch) + (i === 1 ? sep : ''))
            .join('');
          expect(parseSignaalpartner(mangled)).toEqual({ ok: true, value: type });
        },
      ),
    );
  });
});

describe('SIGNAALPARTNER_WORDS', () => {
  it('has an entry for exactly the national types', () => {
    expect(Object.keys(SIGNAALPARTNER_WORDS).sort()).toEqual([...SIGNAALPARTNERS].sort());
  });

  it('lists the normalised national name under each type, so it is the complete list', () => {
    for (const type of SIGNAALPARTNERS) {
      expect(SIGNAALPARTNER_WORDS[type]).toContain(normaliseSignaalpartnerWord(type));
    }
  });

  it('holds only normalised words, none under two types', () => {
    const seen = new Map<string, string>();
    for (const [type, words] of Object.entries(SIGNAALPARTNER_WORDS)) {
      for (const word of words) {
        expect(word).toBe(normaliseSignaalpartnerWord(word));
        expect(word).toMatch(/^[a-z]+$/);
        expect(seen.get(word) ?? type).toBe(type);
        seen.set(word, type);
      }
    }
  });
});
