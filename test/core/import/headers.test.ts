import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/core/errors.js';
import { FIELD_ALIASES, FIELDS, mapHeaders, normaliseHeader, REQUIRED_FIELDS } from '../../../src/core/import/headers.js';

const MINIMAL = ['Signaaldatum', 'Type signaalpartner', 'Bedrag achterstand', 'Huisnummer', 'Postcode'];

describe('normaliseHeader', () => {
  it('ignores case, spaces, underscores, hyphens and dots', () => {
    expect(normaliseHeader(' Datum_Signaal ')).toBe(normaliseHeader('datum-signaal'));
    expect(normaliseHeader('E-mail.adres')).toBe('emailadres');
  });
});

describe('mapHeaders', () => {
  it('finds every field by its own name and by each alias', () => {
    for (const field of FIELDS) {
      for (const name of [field, ...FIELD_ALIASES[field]]) {
        const headers = [...REQUIRED_FIELDS.filter((f) => f !== field), name.toUpperCase()];
        expect(mapHeaders(headers).index.get(field), `${name} -> ${field}`).toBe(headers.length - 1);
      }
    }
  });

  it('lists unknown columns once, as the file writes them, and ignores empty header cells', () => {
    const map = mapHeaders([...MINIMAL, 'Dossiernummer', '', 'Opmerking ']);
    expect(map.ignored).toEqual(['Dossiernummer', 'Opmerking ']);
  });

  it('names every missing required column and the columns it did find', () => {
    const error = captureError(() => mapHeaders(['Datum', 'Naam', 'Adres']));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toContain('signaalpartner, bedrag, huisnummer, postcode');
    expect(error.details.join('\n')).toContain('"Datum", "Naam", "Adres"');
    expect(error.hint).toContain('--map');
  });

  it('refuses two columns that claim the same field', () => {
    const error = captureError(() => mapHeaders([...MINIMAL, 'Datum']));
    expect(error.message).toContain('"Signaaldatum" en "Datum"');
  });

  it('lets a custom map name further headers and override an alias', () => {
    const map = mapHeaders(
      ['Dossier', 'Datum', 'Soort', 'Euro', 'Nr', 'PC', 'Type'],
      new Map([
        ['Dossier', 'signaal_id'],
        ['Soort', 'signaalpartner'],
        ['Euro', 'bedrag'],
        ['Nr', 'huisnummer'],
        ['PC', 'postcode'],
        ['Type', 'schuldeiser'],
      ]),
    );
    expect(map.index.get('signaal_id')).toBe(0);
    expect(map.index.get('signaalpartner')).toBe(2);
    expect(map.index.get('schuldeiser')).toBe(6);
  });
});

function captureError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (error) {
    return error as DataError;
  }
  throw new Error('expected an error');
}
