// The national DDAS v1.2 delivery from hand-built meldingen: client by BSN alone or by address,
// whole euros, the stored signal IDs shared by signal and case, statuses, and validity against
// the schema eropaf ships (src/app/ddas).

import { describe, expect, it } from 'vitest';
import { ddasValidator } from '../../../src/app/ddas/validate-delivery.js';
import {
  buildDdasDelivery,
  caseState,
  ddasTimestamp,
  partFileName,
  splitIntoParts,
  type DdasDeliveryOptions,
  type DdasMeldingInput,
  type DdasSignalInput,
} from '../../../src/core/report/ddas.js';

function validator() {
  const violations = ddasValidator();
  const validate = (delivery: unknown): boolean => {
    validate.errors = violations(delivery);
    return validate.errors.length === 0;
  };
  validate.errors = [] as unknown[];
  return validate;
}

// Synthetic BSNs that pass the 11-test.
const BSN_A = '123456782';
const BSN_B = '111222333';

let nextRowId = 101;

function signal(fields: Partial<DdasSignalInput>): DdasSignalInput {
  return {
    id: `eropaf-${nextRowId++}`,
    crisissignaal: false,
    warmeOverdracht: false,
    bedragCents: 10_000,
    ontstaansdatum: '2022-01-15',
    signaaldatum: '2022-03-02',
    signaalpartner: 'Zorg',
    bsn: null,
    postcode: '2101AB',
    huisnummer: '12',
    toevoeging: '',
    geboortedatum: null,
    geslacht: null,
    ...fields,
  };
}

function melding(ref: string, fields: Partial<DdasMeldingInput>): DdasMeldingInput {
  return {
    ref,
    month: ref.slice(0, 7),
    decision: null,
    decidedOn: null,
    resultaat: null,
    closedOn: null,
    matchedOn: `${ref.slice(0, 7)}-03`,
    signals: [],
    contacts: [],
    ...fields,
  };
}

const MELDINGEN: DdasMeldingInput[] = [
  melding('2022-03-001', {
    decision: 'altijd',
    decidedOn: '2022-03-05',
        resultaat: 'Vervolghulp en/of verwijzing',
    signals: [
      signal({ id: 'VS-1-2022-03', bsn: BSN_A, bedragCents: 72_749, signaalpartner: 'Huur', geboortedatum: '1980-07-15', geslacht: 'Man', warmeOverdracht: true }),
      signal({ bedragCents: 12_350, crisissignaal: true, toevoeging: 'A', geboortedatum: '1980-07-15', geslacht: 'Vrouw', signaalpartner: 'Energie' }),
    ],
    contacts: [
      { soort: 'Telefoon', bereikt: false, datum: '2022-03-10', dagdeel: 'Ochtend' },
      { soort: 'Huisbezoek', bereikt: true, datum: '2022-04-02', dagdeel: null },
    ],
  }),
  melding('2022-03-002', {
    decision: 'uitgesteld',
    resultaat: 'Niet opgepakt: andere reden',
    signals: [signal({ bedragCents: 49, ontstaansdatum: null, postcode: '2102CD', huisnummer: '7', signaalpartner: 'Water' })],
  }),
  melding('2022-04-001', {
    decision: 'capaciteit',
    decidedOn: '2022-04-06',
    // The same kenmerk as in March: the delivery must still name each signal once.
    signals: [signal({ id: 'VS-1', bsn: BSN_A, bedragCents: 150, signaaldatum: '2022-04-01', signaalpartner: 'Huur' })],
  }),
  melding('2022-04-002', {
    signals: [signal({ id: 'VS-9', bsn: BSN_B, bedragCents: 99_999_950, signaaldatum: '2022-04-03', signaalpartner: 'CAK Eigen bijdrage' })],
  }),
  melding('2022-04-003', {
    decision: 'capaciteit',
    decidedOn: '2022-04-06',
        resultaat: 'Inwoner is overleden',
    signals: [
      signal({ postcode: '2103EF', huisnummer: '200', toevoeging: 'BIS', geslacht: 'Onbekend', signaaldatum: '2022-04-04' }),
      signal({ postcode: '2103EF', huisnummer: '200', toevoeging: 'BIS', geslacht: 'Onbekend', signaaldatum: '2022-04-04', signaalpartner: 'DUO' }),
    ],
  }),
  // Deferred and closed as not picked up, but a worker called anyway: it was picked up after all.
  melding('2022-04-004', {
    decision: 'uitgesteld',
        resultaat: 'Niet opgepakt: andere reden',
    signals: [signal({ id: 'VS-12', bsn: BSN_B, signaaldatum: '2022-04-05', signaalpartner: 'Energie' })],
    contacts: [{ soort: 'Telefoon', bereikt: true, datum: '2022-04-20', dagdeel: 'Avond' }],
  }),
];

const OPTIONS: DdasDeliveryOptions = {
  period: { from: '2022-03', to: '2022-04' },
  gemeentecode: '0397',
  organisation: { naam: 'WIJ Heemstede', kvk: '12345678', contact: { naam: 'Coördinator', email: 'coordinator@example.nl', telefoon: '023-0000000' } },
  supplierCode: 'eropaf 0.1.0',
  deliveredAt: '2022-05-01T10:00:00Z',
};

interface Delivery {
  startdatumLevering: string;
  einddatumLevering: string;
  aanleverdatumEnTijd: string;
  codeGegevensleverancier: string;
  leveringen: Array<{
    teller: number;
    gemeentecode: string;
    aanleverendeOrganisatie: Record<string, unknown>;
    vroegsignalen: Array<Record<string, unknown> & { ID: string; client: Record<string, string>; bedrag: number; status: string }>;
    vroegsignaalzaken: Array<Record<string, unknown> & { vroegsignalen: Array<{ ID: string }>; contactpogingen: unknown[] }>;
  }>;
}

const delivery = buildDdasDelivery(MELDINGEN, OPTIONS) as Delivery;
const levering = delivery.leveringen[0]!;
const signals = levering.vroegsignalen;
const zaken = levering.vroegsignaalzaken;
const inputSignals = MELDINGEN.flatMap((m) => m.signals.map((s) => ({ melding: m, signal: s })));

describe('buildDdasDelivery', () => {
  it('validates against the DDAS v1.2 schema', () => {
    const validate = validator();
    const valid = validate(delivery);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked by a validator that does refuse a BSN beside an address (the schema works)', () => {
    const validate = validator();
    const spoiled = structuredClone(delivery);
    spoiled.leveringen[0]!.vroegsignalen[0]!.client = { burgerservicenummer: BSN_A, geboortedatum: '1980-07-15' };
    expect(validate(spoiled)).toBe(false);
  });

  it('carries the delivery period, the municipality and the organisation', () => {
    expect(delivery.startdatumLevering).toBe('2022-03-01');
    expect(delivery.einddatumLevering).toBe('2022-04-30');
    expect(delivery.aanleverdatumEnTijd).toBe(OPTIONS.deliveredAt);
    expect(delivery.codeGegevensleverancier).toBe('eropaf 0.1.0');
    expect(delivery.leveringen).toHaveLength(1);
    expect(levering.teller).toBe(1);
    expect(levering.gemeentecode).toBe('0397');
    expect(levering.aanleverendeOrganisatie).toEqual({
      naam: 'WIJ Heemstede',
      'kvk-nummer': '12345678',
      contactpersonen: [{ naam: 'Coördinator', telefoonnummer: '023-0000000', email: 'coordinator@example.nl' }],
    });
  });

  it('has one vroegsignaal per input signal and one vroegsignaalzaak per melding', () => {
    expect(signals).toHaveLength(inputSignals.length);
    expect(zaken).toHaveLength(MELDINGEN.length);
    expect(new Set(signals.map((s) => s.ID)).size).toBe(signals.length);
    // Every signal ID is named by exactly one case, and by the case of its own melding.
    const named = zaken.flatMap((z) => z.vroegsignalen.map((v) => v.ID));
    expect(named.sort()).toEqual(signals.map((s) => s.ID).sort());
    let index = 0;
    MELDINGEN.forEach((m, z) => {
      expect(zaken[z]!.vroegsignalen.map((v) => v.ID)).toEqual(signals.slice(index, index + m.signals.length).map((s) => s.ID));
      index += m.signals.length;
    });
  });

  it('identifies the client by the BSN alone when it is known, else by address with birth date and gender', () => {
    inputSignals.forEach(({ signal: input }, i) => {
      const client = signals[i]!.client;
      if (input.bsn !== null) {
        expect(client).toEqual({ burgerservicenummer: input.bsn });
      } else {
        const expected: Record<string, string> = { postcode: input.postcode, huisnummer: input.huisnummer };
        if (input.toevoeging !== '') expected.huisnummertoevoeging = input.toevoeging;
        if (input.geboortedatum !== null) expected.geboortedatum = input.geboortedatum;
        if (input.geslacht !== null) expected.geslachtsaanduiding = input.geslacht;
        expect(client).toEqual(expected);
      }
    });
    // The BSN signal of the first melding had a birth date and gender: they are left out.
    expect(signals[0]!.client).toEqual({ burgerservicenummer: BSN_A });
    expect(signals[1]!.client).toEqual({ postcode: '2101AB', huisnummer: '12', huisnummertoevoeging: 'A', geboortedatum: '1980-07-15', geslachtsaanduiding: 'Vrouw' });
    expect(signals[2]!.client).toEqual({ postcode: '2102CD', huisnummer: '7' });
  });

  it('gives bedrag in whole euros, rounded half up', () => {
    inputSignals.forEach(({ signal: input }, i) => {
      expect(Number.isInteger(signals[i]!.bedrag)).toBe(true);
      expect(signals[i]!.bedrag).toBe(Math.floor((input.bedragCents + 50) / 100));
    });
    // 727,49 -> 727; 123,50 -> 124; 0,49 -> 0; 1,50 -> 2; 999.999,50 -> 1.000.000
    expect(signals.slice(0, 5).map((s) => s.bedrag)).toEqual([727, 124, 0, 2, 1_000_000]);
  });

  it('copies the signal fields and leaves out an unknown ontstaansdatum', () => {
    inputSignals.forEach(({ signal: input }, i) => {
      const out = signals[i]!;
      expect(out.crisissignaal).toBe(input.crisissignaal);
      expect(out.warmeOverdracht).toBe(input.warmeOverdracht);
      expect(out.signaaldatum).toBe(input.signaaldatum);
      expect(out.signaalpartner).toEqual({ type: input.signaalpartner });
      if (input.ontstaansdatum === null) expect(out).not.toHaveProperty('ontstaansdatum');
      else expect(out.ontstaansdatum).toBe(input.ontstaansdatum);
    });
  });

  it('uses the ID each signal was stored with, for the vroegsignaal and in its case', () => {
    expect(signals.map((s) => s.ID)).toEqual(inputSignals.map(({ signal: input }) => input.id));
    expect(signals[0]!.ID).toBe('VS-1-2022-03');
    expect(signals[3]!.ID).toBe('VS-1');
    // The case names the same IDs as its signals, generated ones included.
    expect(zaken[0]!.vroegsignalen).toEqual([{ ID: signals[0]!.ID }, { ID: signals[1]!.ID }]);
    expect(zaken[4]!.vroegsignalen).toEqual([{ ID: signals[5]!.ID }, { ID: signals[6]!.ID }]);
  });

  it('gives every signal the same ID in every delivery, whatever the period', () => {
    const again = buildDdasDelivery(MELDINGEN, { ...OPTIONS, deliveredAt: '2022-06-01T10:00:00Z' }) as Delivery;
    expect(again.leveringen[0]!.vroegsignalen.map((s) => s.ID)).toEqual(signals.map((s) => s.ID));
    const march = buildDdasDelivery(MELDINGEN.slice(0, 2), { ...OPTIONS, period: { from: '2022-03', to: '2022-03' } }) as Delivery;
    expect(march.leveringen[0]!.vroegsignalen.map((s) => s.ID)).toEqual(signals.slice(0, 3).map((s) => s.ID));
    const april = buildDdasDelivery(MELDINGEN.slice(2), { ...OPTIONS, period: { from: '2022-04', to: '2022-04' } }) as Delivery;
    expect(april.leveringen[0]!.vroegsignalen.map((s) => s.ID)).toEqual(signals.slice(3).map((s) => s.ID));
  });

  it('gives each signal the status of its melding', () => {
    const statusOf = (ref: string) =>
      inputSignals.map(({ melding: m }, i) => (m.ref === ref ? signals[i]!.status : null)).filter((s) => s !== null);
    expect(statusOf('2022-03-001')).toEqual(['Opgepakt', 'Opgepakt']); // followed up, ended in a referral
    expect(statusOf('2022-03-002')).toEqual(['Niet opgepakt: andere reden']);
    expect(statusOf('2022-04-001')).toEqual(['Opgepakt']); // picked by the triage, nothing done yet
    expect(statusOf('2022-04-002')).toEqual(['Nog niet opgepakt']); // not triaged
    expect(statusOf('2022-04-003')).toEqual(['Inwoner is overleden', 'Inwoner is overleden']);
    expect(statusOf('2022-04-004')).toEqual(['Opgepakt']); // contact made after all
  });

  it('describes each case: result, matching period, date picked up, contact attempts', () => {
    expect(zaken[0]).toEqual({
      resultaat: 'Vervolghulp en/of verwijzing',
      matchingsdatum: '2022-03-03',
      startdatumMatchingperiode: '2022-03-01',
      einddatumMatchingperiode: '2022-03-31',
      datumOpgepakt: '2022-03-05',
      vroegsignalen: zaken[0]!.vroegsignalen,
      contactpogingen: [
        { soort: 'Telefoon', bereikt: false, datum: '2022-03-10', dagdeel: 'Ochtend' },
        { soort: 'Huisbezoek', bereikt: true, datum: '2022-04-02' },
      ],
    });
    // Not picked up: no datumOpgepakt; no result: no resultaat.
    expect(zaken[1]).not.toHaveProperty('datumOpgepakt');
    expect(zaken[3]).not.toHaveProperty('resultaat');
    expect(zaken[3]).not.toHaveProperty('datumOpgepakt');
    expect(zaken[2]!.einddatumMatchingperiode).toBe('2022-04-30');
    expect(zaken[2]!.contactpogingen).toEqual([]);
    expect(zaken[2]!.datumOpgepakt).toBe('2022-04-06');
    // Deferred, but a worker called on 20 April: picked up that day.
    expect(zaken[5]!.datumOpgepakt).toBe('2022-04-20');
  });

  it('ends the matching period on the last day of a leap February', () => {
    const feb = buildDdasDelivery(
      [melding('2024-02-001', { signals: [signal({ signaaldatum: '2024-02-10' })] })],
      { ...OPTIONS, period: { from: '2024-02', to: '2024-02' } },
    ) as Delivery;
    expect(feb.einddatumLevering).toBe('2024-02-29');
    expect(feb.leveringen[0]!.vroegsignaalzaken[0]!.einddatumMatchingperiode).toBe('2024-02-29');
    expect(validator()(feb)).toBe(true);
  });

  it('always names a contact person with the e-mail address CBS reports to', () => {
    const bare = buildDdasDelivery(MELDINGEN, { ...OPTIONS, organisation: { naam: 'WIJ Heemstede', contact: { email: 'vroeg@example.nl' } } }) as Delivery;
    expect(bare.leveringen[0]!.aanleverendeOrganisatie).toEqual({ naam: 'WIJ Heemstede', contactpersonen: [{ email: 'vroeg@example.nl' }] });
    expect(validator()(bare)).toBe(true);
    const full = buildDdasDelivery(MELDINGEN, {
      ...OPTIONS,
      organisation: { naam: 'WIJ Heemstede', contact: { email: 'vroeg@example.nl', functietitel: 'Coördinator schulddienstverlening' } },
    }) as Delivery;
    expect(full.leveringen[0]!.aanleverendeOrganisatie.contactpersonen).toEqual([{ email: 'vroeg@example.nl', functietitel: 'Coördinator schulddienstverlening' }]);
    expect(validator()(full)).toBe(true);
  });
});
