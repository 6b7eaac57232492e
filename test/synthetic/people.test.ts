import { describe, expect, it } from 'vitest';
import { allTestBsns, generateTestBsn, passesElfproef, TEST_BSN_PREFIX } from '../../src/synthetic/bsn.js';
import { epochDayFromIso } from '../../src/synthetic/dates.js';
import { generateAddress, generatePerson } from '../../src/synthetic/people.js';
import { Population } from '../../src/synthetic/population.js';
import { Random } from '../../src/synthetic/random.js';

const POSTCODE = /^210[1-6] [ABCDEGHJKLMNPRSTVWXZ]{2}$/;
const PHONE = /^06-99\d{2} \d{4}$/;
const EMAIL = /^[a-z0-9.]+@(example|voorbeeld)\.nl$/;

function ageAt(birth: string, reference: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = reference.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

describe('test BSNs', () => {
  it('knows the 11-test', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('111222334')).toBe(false);
    expect(passesElfproef('12345678')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
  });

  it('lists every valid number in the 9999 range, each passing the 11-test', () => {
    const all = allTestBsns();
    expect(all.length).toBe(9091);
    expect(new Set(all).size).toBe(all.length);
    for (const bsn of all) {
      expect(bsn.startsWith(TEST_BSN_PREFIX)).toBe(true);
      expect(passesElfproef(bsn)).toBe(true);
    }
  });

  it('generates only test BSNs', () => {
    const rng = new Random(11);
    for (let i = 0; i < 2000; i++) {
      const bsn = generateTestBsn(rng);
      expect(bsn).toMatch(/^9999\d{5}$/);
      expect(passesElfproef(bsn)).toBe(true);
    }
  });
});

describe('people and addresses', () => {
  it('generates plausible, fictional contact details', () => {
    const rng = new Random(12);
    for (let i = 0; i < 500; i++) {
      const person = generatePerson(rng, { referenceDate: '2022-01-01' });
      expect(person.voorletters).toMatch(/^([A-Z]\.){1,3}$/);
      if (person.telefoon !== null) expect(person.telefoon).toMatch(PHONE);
      if (person.email !== null) expect(person.email).toMatch(EMAIL);
      const age = ageAt(person.geboortedatum, '2022-01-01');
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(90);
      const address = generateAddress(rng);
      expect(address.postcode).toMatch(POSTCODE);
      expect(address.postcode).not.toMatch(/ S[ADS]$/);
      expect(Number(address.huisnummer)).toBeGreaterThanOrEqual(1);
      expect(Number(address.huisnummer)).toBeLessThanOrEqual(250);
      expect(address.plaatsnaam).toBe('Heemstede');
    }
  });
});

describe('Population', () => {
  const population = new Population({ seed: 99, size: 4000, referenceDate: '2022-01-01' });
  const households = Array.from({ length: population.size }, (_, i) => population.household(i));
  const people = households.flatMap((h) => h.residents);

  it('derives the same household from the same seed and index', () => {
    const again = new Population({ seed: 99, size: 4000, referenceDate: '2022-01-01' });
    expect(again.household(1234)).toEqual(population.household(1234));
    expect(new Population({ seed: 100, size: 4000, referenceDate: '2022-01-01' }).household(1234)).not.toEqual(population.household(1234));
  });

  it('gives every household its own address, some with a toevoeging', () => {
    const keys = households.map((h) => `${h.address.postcode}|${h.address.huisnummer}|${h.address.toevoeging}`);
    expect(new Set(keys).size).toBe(households.length);
    const withToevoeging = households.filter((h) => h.address.toevoeging !== '').length / households.length;
    expect(withToevoeging).toBeGreaterThan(0.1);
    expect(withToevoeging).toBeLessThan(0.14);
    for (const h of households) {
      expect(h.address.postcode).toMatch(POSTCODE);
      expect(['', 'A', 'B', '1', '2', 'bis']).toContain(h.address.toevoeging);
    }
  });

  it('gives about 70% of people a distinct, valid test BSN', () => {
    const bsns = people.map((p) => p.bsn).filter((b): b is string => b !== null);
    expect(bsns.length / people.length).toBeGreaterThan(0.66);
    expect(bsns.length / people.length).toBeLessThan(0.74);
    expect(new Set(bsns).size).toBe(bsns.length);
    for (const bsn of bsns) {
      expect(bsn.startsWith('9999')).toBe(true);
      expect(passesElfproef(bsn)).toBe(true);
    }
  });

  it('weights ages to working age and includes names with diacritics', () => {
    const ages = people.map((p) => ageAt(p.geboortedatum, '2022-01-01'));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(90);
    const working = ages.filter((a) => a >= 25 && a <= 66).length / ages.length;
    expect(working).toBeGreaterThan(0.75);
    const names = people.map((p) => p.achternaam).join(' ');
    for (const char of ['é', 'ë', 'ö']) expect(names).toContain(char);
    expect(epochDayFromIso(people[0]?.geboortedatum ?? '')).toBeLessThan(epochDayFromIso('2022-01-01'));
  });

  it('refuses a population larger than the postcode range can house', () => {
    expect(() => new Population({ seed: 1, size: 10_000_000, referenceDate: '2022-01-01' })).toThrow(RangeError);
  });
});
