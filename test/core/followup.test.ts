import { describe, it, expect } from 'vitest';
import {
  CONTACTSOORTEN,
  EINDRESULTATEN,
  NOT_PICKED_UP_RESULTS,
  REFERRAL_TARGETS,
  dagdeelOfTime,
  isOpgevolgd,
  parseContactsoort,
  parseDagdeel,
  parseJaNee,
  parseReferral,
  parseResultCode,
  type Eindresultaat,
} from '../../src/core/followup.js';

// Copied from the DDAS v1.2 schema (EnumEindresultaat, EnumContactsoort): the oracle the tables
// are checked against, so that a typo in a national value fails here and not in an export.
const NATIONAL_RESULTS = [
  '(Budget)advies en/of quick fix',
  'Definitief geen contact kunnen krijgen',
  'Geen reactie na eerder contact',
  'Inwoner al bekend bij schuldhulpverlening',
  'Inwoner heeft al een ander lopend traject',
  'Inwoner heeft zelf al betaald/betalingsregeling getroffen',
  'Inwoner is overleden',
  'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
  'Niet opgepakt: andere reden',
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: onterecht signaal',
  'Persoon is geen inwoner (meer) in de gemeente',
  'Vervolghulp en/of verwijzing',
  'Vervolghulp en/of verwijzing financieel',
  'Vervolghulp en/of verwijzing niet financieel',
  'Verwijzing zonder tussenkomst inwoner',
];
const NATIONAL_CONTACTSOORTEN = [
  'Administratief',
  'Afspraak op locatie',
  'Brief',
  'Huisbezoek',
  'Kaartje',
  'Mail',
  'Onbekend',
  'Overige',
  'SMS/Whatsapp',
  'Telefoon',
];

function ok<T>(parsed: { ok: true; value: T } | { ok: false; expected: string }): T {
  if (!parsed.ok) throw new Error(`expected success, got: ${parsed.expected}`);
  return parsed.value;
}

describe('EINDRESULTATEN', () => {
  it('holds exactly the 16 national values', () => {
    expect(EINDRESULTATEN.map((r) => r.value).sort()).toEqual([...NATIONAL_RESULTS].sort());
  });

  it('has unique, lowercase command-line codes without spaces and a description for each', () => {
    const codes = EINDRESULTATEN.map((r) => r.code);
    expect(new Set(codes).size).toBe(16);
    for (const r of EINDRESULTATEN) {
      expect(r.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.description.trim()).not.toBe('');
    }
  });

  it('has the suggested codes for the common results', () => {
    expect(ok(parseResultCode('advies'))).toBe('(Budget)advies en/of quick fix');
    expect(ok(parseResultCode('geen-contact'))).toBe('Definitief geen contact kunnen krijgen');
    expect(ok(parseResultCode('bekend-shv'))).toBe('Inwoner al bekend bij schuldhulpverlening');
    expect(ok(parseResultCode('zelf-betaald'))).toBe('Inwoner heeft zelf al betaald/betalingsregeling getroffen');
    expect(ok(parseResultCode('regelt-zelf'))).toBe(
      'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
    );
    expect(ok(parseResultCode('vervolghulp-niet-financieel'))).toBe('Vervolghulp en/of verwijzing niet financieel');
  });
});

describe('parseResultCode', () => {
  it.each(EINDRESULTATEN.map((r) => [r.code, r.value]))('reads code %s', (code, value) => {
    expect(ok(parseResultCode(code))).toBe(value);
    expect(ok(parseResultCode(`  ${code.toUpperCase()} `))).toBe(value);
  });

  it.each(NATIONAL_RESULTS)('reads the national text %s in any case', (value) => {
    expect(ok(parseResultCode(value))).toBe(value);
    expect(ok(parseResultCode(value.toLowerCase()))).toBe(value);
    expect(ok(parseResultCode(value.toUpperCase().replace(/ /g, '  ')))).toBe(value);
  });

  it('rejects an unknown code with the list of codes and without echoing the input', () => {
    const parsed = parseResultCode('Jansen geholpen');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.expected).toContain('advies');
    expect(parsed.expected).toContain('verwijzing-zonder-inwoner');
    expect(parsed.expected).not.toContain('Jansen');
    expect(parseResultCode('').ok).toBe(false);
    expect(parseResultCode('Niet opgepakt').ok).toBe(false);
  });
});

describe('isOpgevolgd', () => {
  it('is false without attempts and without a result', () => {
    expect(isOpgevolgd(0, null)).toBe(false);
  });

  it('is true after one contact attempt, whatever the result', () => {
    expect(isOpgevolgd(1, null)).toBe(true);
    expect(isOpgevolgd(3, 'Niet opgepakt: andere reden')).toBe(true);
  });

  it.each(NOT_PICKED_UP_RESULTS)('is false for %s without attempts', (result) => {
    expect(isOpgevolgd(0, result)).toBe(false);
  });

  it('is true for every other result without attempts', () => {
    const others = NATIONAL_RESULTS.filter((r) => !r.startsWith('Niet opgepakt')) as Eindresultaat[];
    expect(others).toHaveLength(13);
    for (const r of others) expect(isOpgevolgd(0, r)).toBe(true);
  });

  it('lists exactly the three Niet opgepakt values as not picked up', () => {
    expect([...NOT_PICKED_UP_RESULTS].sort()).toEqual(NATIONAL_RESULTS.filter((r) => r.startsWith('Niet opgepakt')));
  });
});

describe('parseContactsoort', () => {
  it('maps onto exactly the national values', () => {
    expect(CONTACTSOORTEN.map((c) => c.value).sort()).toEqual([...NATIONAL_CONTACTSOORTEN].sort());
  });

  it.each([
    ['telefoon', 'Telefoon'],
    ['huisbezoek', 'Huisbezoek'],
    ['brief', 'Brief'],
    ['kaartje', 'Kaartje'],
    ['mail', 'Mail'],
    ['sms', 'SMS/Whatsapp'],
    ['afspraak', 'Afspraak op locatie'],
    ['administratief', 'Administratief'],
    ['overige', 'Overige'],
    ['onbekend', 'Onbekend'],
    ['SMS', 'SMS/Whatsapp'],
    ['sms/whatsapp', 'SMS/Whatsapp'],
    ['WhatsApp', 'SMS/Whatsapp'],
    ['afspraak op locatie', 'Afspraak op locatie'],
    ['E-mail', 'Mail'],
    [' Telefoon ', 'Telefoon'],
  ])('reads %s', (text, value) => {
    expect(ok(parseContactsoort(text))).toBe(value);
  });

  it('rejects an unknown kind', () => {
    const parsed = parseContactsoort('postduif');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.expected).toContain('telefoon');
  });
});

describe('dagdeel', () => {
  it.each([
    ['ochtend', 'Ochtend'],
    ['Middag', 'Middag'],
    [' AVOND ', 'Avond'],
  ])('parseDagdeel reads %s', (text, value) => {
    expect(ok(parseDagdeel(text))).toBe(value);
  });

  it('parseDagdeel rejects anything else', () => {
    expect(parseDagdeel('nacht').ok).toBe(false);
    expect(parseDagdeel('').ok).toBe(false);
  });

  it.each([
    ['00:00', 'Ochtend'],
    ['9:05', 'Ochtend'],
    ['11:59', 'Ochtend'],
    ['11:59:59', 'Ochtend'],
    ['12:00', 'Middag'],
    ['14:30', 'Middag'],
    ['14.30', 'Middag'],
    ['17:59', 'Middag'],
    ['18:00', 'Avond'],
    ['23:59', 'Avond'],
  ])('dagdeelOfTime(%s) is %s', (time, value) => {
    expect(ok(dagdeelOfTime(time))).toBe(value);
  });

  it.each(['24:00', '12:60', '1430', '12', 'middag', '', '-1:00', '12:5'])('dagdeelOfTime rejects %j', (time) => {
    expect(dagdeelOfTime(time).ok).toBe(false);
  });
});

describe('parseJaNee', () => {
  it.each([
    ['ja', true],
    ['Ja', true],
    ['j', true],
    ['nee', false],
    ['NEE', false],
    ['n', false],
  ])('reads %s', (text, value) => {
    expect(ok(parseJaNee(text))).toBe(value);
  });

  it.each(['misschien', '', '  ', 'jaa'])('rejects %j', (text) => {
    const parsed = parseJaNee(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.expected).toContain('ja of nee');
  });
});

describe('parseReferral', () => {
  it('offers the five targets', () => {
    expect(REFERRAL_TARGETS.map((r) => r.code)).toEqual([
      'amw',
      'schuldhulpverlening',
      'budgetcoaching',
      'formulierenhulp',
      'anders',
    ]);
  });

  it.each([
    ['amw', 'amw'],
    ['AMW', 'amw'],
    ['algemeen maatschappelijk werk', 'amw'],
    ['Schuldhulpverlening', 'schuldhulpverlening'],
    ['budgetcoaching', 'budgetcoaching'],
    ['formulierenhulp', 'formulierenhulp'],
    ['anders', 'anders'],
  ])('reads %s', (text, code) => {
    expect(ok(parseReferral(text))).toBe(code);
  });

  it('rejects an unknown target with the list', () => {
    const parsed = parseReferral('huisarts');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.expected).toContain('amw');
  });
});
