import { describe, it, expect } from 'vitest';
import { BOOLEAN_WORDS, GESLACHT_WORDS, parseBoolean, parseGeslacht } from '../../../src/core/fields/flags.js';
import { GESLACHTEN } from '../../../src/core/types.js';

describe('parseBoolean', () => {
  it.each([
    ['ja', true],
    ['Ja', true],
    ['JA', true],
    ['j', true],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['waar', true],
    ['x', true],
    ['X', true],
    [' ja ', true],
    ['nee', false],
    ['Nee', false],
    ['n', false],
    ['false', false],
    ['0', false],
    ['no', false],
    ['onwaar', false],
  ])('reads %j as %s', (text, value) => {
    expect(parseBoolean(text)).toEqual({ ok: true, value });
  });

  it.each(['jaa', 'nein', '2', '-1', 'ja/nee', 'on', 'off', 'v', 'true1', '00'])('refuses %j', (text) => {
    const parsed = parseBoolean(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.expected).toMatch(/ja of nee/);
  });

  it('has no word that means both yes and no', () => {
    const yes = new Set(BOOLEAN_WORDS.true);
    for (const word of BOOLEAN_WORDS.false) expect(yes.has(word)).toBe(false);
  });
});

describe('parseGeslacht', () => {
  it.each([
    ['m', 'Man'],
    ['M', 'Man'],
    ['man', 'Man'],
    ['Mannelijk', 'Man'],
    ['v', 'Vrouw'],
    ['V', 'Vrouw'],
    ['vrouw', 'Vrouw'],
    ['VROUWELIJK', 'Vrouw'],
    ['f', 'Vrouw'],
    ['o', 'Onbekend'],
    ['O', 'Onbekend'],
    ['onbekend', 'Onbekend'],
    ['x', 'Onbekend'],
    ['Onbepaald', 'Onbekend'],
    [' v ', 'Vrouw'],
  ])('reads %j as %s', (text, value) => {
    expect(parseGeslacht(text)).toEqual({ ok: true, value });
  });

  it.each(['mv', 'vr', 'male', 'female', 'h', '1', 'ja'])('refuses %j', (text) => {
    const parsed = parseGeslacht(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.expected).toMatch(/man, vrouw of onbekend/);
  });

  it('covers every Geslacht and gives each word one meaning', () => {
    expect(Object.keys(GESLACHT_WORDS).sort()).toEqual([...GESLACHTEN].sort());
    const all = Object.values(GESLACHT_WORDS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
