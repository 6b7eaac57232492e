import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { householdAddress, meldingStateLabel, normalisePhone, parseFindQuery, personLine } from '../../src/core/find.js';

describe('what a worker types to find a household', () => {
  it('reads a melding reference', () => {
    expect(parseFindQuery(' 2022-01-017 ')).toEqual({ kind: 'melding', month: '2022-01', seq: 17 });
  });

  it('reads a postcode with a house number, with or without a toevoeging', () => {
    expect(parseFindQuery('2101 ab 12')).toEqual({ kind: 'adres', postcode: '2101AB', huisnummer: '12', toevoeging: null });
    expect(parseFindQuery('2101AB 12a')).toEqual({ kind: 'adres', postcode: '2101AB', huisnummer: '12', toevoeging: 'A' });
    expect(parseFindQuery('2101AB, 12-2')).toEqual({ kind: 'adres', postcode: '2101AB', huisnummer: '12', toevoeging: '2' });
  });

  it('reads a Dutch phone number in any of its usual spellings', () => {
    for (const text of ['06-12345678', '06 1234 5678', '+31 6 12345678', '0031612345678', '(023) 123 45 67']) {
      expect(parseFindQuery(text).kind, text).toBe('telefoon');
    }
    expect(normalisePhone('+31 6 12345678')).toBe('0612345678');
    expect(normalisePhone('023-1234567')).toBe('0231234567');
    expect(normalisePhone('12345')).toBeNull();
  });

  it('reads anything else with letters and no digits as a name', () => {
    expect(parseFindQuery('de Vries')).toEqual({ kind: 'naam', text: 'de Vries' });
  });

  it('refuses what it cannot read, saying what it can', () => {
    expect(() => parseFindQuery('x')).toThrow(UsageError);
    expect(() => parseFindQuery('12345')).toThrow(/meldingnummer/);
  });
});

describe('the state of a melding', () => {
  it('names each state a worker can meet', () => {
    expect(meldingStateLabel({ decision: null, opgevolgd: false, result: null })).toBe('niet getrieerd');
    expect(meldingStateLabel({ decision: 'altijd', opgevolgd: false, result: null })).toBe('open');
    expect(meldingStateLabel({ decision: 'capaciteit', opgevolgd: true, result: null })).toBe('opgevolgd');
    expect(meldingStateLabel({ decision: 'capaciteit', opgevolgd: true, result: '(Budget)advies en/of quick fix' })).toBe('afgesloten');
    expect(meldingStateLabel({ decision: 'uitgesteld', opgevolgd: false, result: null })).toBe('uitgesteld');
    expect(meldingStateLabel({ decision: 'uitgesteld', opgevolgd: false, result: 'Niet opgepakt: andere reden' })).toBe('niet opgepakt');
  });
});

describe('a found household on one line', () => {
  it('gives the address as street and number, then postcode and place, leaving out what is unknown', () => {
    expect(householdAddress({ straatnaam: 'Dorpsstraat', huisnummer: '12', toevoeging: 'A', postcode: '2101AB', plaatsnaam: 'Heemstede' })).toBe(
      'Dorpsstraat 12 A, 2101AB Heemstede',
    );
    expect(householdAddress({ straatnaam: null, huisnummer: '7', toevoeging: '', postcode: '2101AB', plaatsnaam: null })).toBe('7, 2101AB');
  });

  it('gives a person with what is known of them, and nothing for a person with nothing known', () => {
    expect(personLine({ naam: 'J. Jansen', telefoon: '0612345678', email: null, bsn: '*****1234' })).toBe('J. Jansen, tel. 0612345678, BSN *****1234');
    expect(personLine({ naam: null, telefoon: null, email: null, bsn: null })).toBe('');
  });
});
