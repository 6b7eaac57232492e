import { describe, expect, it } from 'vitest';
import { signalPersonName, type SignalPersonRow } from '../../src/store/sqlite/signal-person.js';

const row = (fields: Partial<SignalPersonRow>): SignalPersonRow => ({
  voorletters: null,
  voorvoegsel: null,
  achternaam: null,
  naam: null,
  straatnaam: null,
  plaatsnaam: null,
  telefoon: null,
  email: null,
  bsn: null,
  ...fields,
});

describe('signalPersonName', () => {
  it('writes initials, prefix and surname as a person would, skipping the parts a list left empty', () => {
    expect(signalPersonName(row({ voorletters: 'J.', voorvoegsel: 'van der', achternaam: 'Berg' }))).toBe('J. van der Berg');
    expect(signalPersonName(row({ voorletters: '', achternaam: 'Bakker' }))).toBe('Bakker');
  });

  it('falls back to the single name column when the list has no surname, and is null without either', () => {
    expect(signalPersonName(row({ naam: 'Fatima el Amrani' }))).toBe('Fatima el Amrani');
    expect(signalPersonName(row({}))).toBeNull();
  });
});
