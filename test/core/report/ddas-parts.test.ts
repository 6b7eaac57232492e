// The parts of a big delivery, the file names of the parts, the delivery time, and how a case
// stands (picked up or not) in the national model.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ddasValidator } from '../../../src/app/ddas/validate-delivery.js';
import {
  buildDdasDelivery,
  caseState,
  ddasTimestamp,
  partFileName,
  splitIntoParts,
  type DdasMeldingInput,
} from '../../../src/core/report/ddas.js';
import { CONTACTSOORTEN, EINDRESULTATEN, type Contactsoort, type Eindresultaat } from '../../../src/core/followup.js';

function melding(seq: number, signals: number, fields: Partial<DdasMeldingInput> = {}): DdasMeldingInput {
  const ref = `2022-03-${String(seq).padStart(3, '0')}`;
  return {
    ref,
    month: '2022-03',
    decision: null,
    decidedOn: null,
    resultaat: null,
    closedOn: null,
    matchedOn: '2022-03-03',
    signals: Array.from({ length: signals }, (_, i) => ({
      id: `${ref}-${i}`,
      crisissignaal: false,
      warmeOverdracht: false,
      bedragCents: 10_000,
      ontstaansdatum: null,
      signaaldatum: '2022-03-02',
      signaalpartner: 'Zorg',
      bsn: null,
      postcode: '2101AB',
      huisnummer: String(seq),
      toevoeging: '',
      geboortedatum: null,
      geslacht: null,
    })),
    contacts: [],
    ...fields,
  };
}

describe('splitIntoParts', () => {
  it('keeps one part when the signals fit, and puts every melding whole in exactly one part', () => {
    const meldingen = [melding(1, 2), melding(2, 1), melding(3, 3), melding(4, 1), melding(5, 2)];
    expect(splitIntoParts(meldingen, 9)).toEqual([meldingen]);
    const parts = splitIntoParts(meldingen, 4);
    expect(parts.map((p) => p.map((m) => m.ref.slice(-1)))).toEqual([['1', '2'], ['3', '4'], ['5']]);
    for (const part of parts) expect(part.reduce((n, m) => n + m.signals.length, 0)).toBeLessThanOrEqual(4);
  });

  it('never exceeds the limit and loses or repeats no melding, for any sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 60 }), fc.integer({ min: 6, max: 20 }), (sizes, limit) => {
        const meldingen = sizes.map((size, i) => melding(i + 1, size));
        const parts = splitIntoParts(meldingen, limit);
        expect(parts.flat()).toEqual(meldingen);
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          expect(part.reduce((n, m) => n + m.signals.length, 0)).toBeLessThanOrEqual(limit);
        }
        // Greedy: a part is cut only when the next melding would not fit.
        for (let i = 0; i + 1 < parts.length; i++) {
          const size = parts[i]!.reduce((n, m) => n + m.signals.length, 0);
          expect(size + parts[i + 1]![0]!.signals.length).toBeGreaterThan(limit);
        }
      }),
    );
  });
});

describe('partFileName', () => {
  it.each([
    ['levering.json', 1, 1, 'levering.json'],
    ['levering.json', 2, 3, 'levering-deel-2-van-3.json'],
    ['uit/levering-2022.json', 1, 2, 'uit/levering-2022-deel-1-van-2.json'],
    ['map.v2/levering', 3, 3, 'map.v2/levering-deel-3-van-3.json'],
  ])('%s as part %i of %i is %s', (out, part, parts, expected) => {
    expect(partFileName(out, part, parts)).toBe(expected);
  });
});

describe('ddasTimestamp', () => {
  it('writes UTC to the second without milliseconds (JJJJ-MM-DDTHH:MM:SSZ)', () => {
    expect(ddasTimestamp(new Date('2022-07-01T10:11:12.345Z'))).toBe('2022-07-01T10:11:12Z');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (moment) => {
        const text = ddasTimestamp(moment);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(Math.abs(Date.parse(text) - moment.getTime())).toBeLessThan(1000);
      }),
    );
  });
});

const RESULTS = EINDRESULTATEN.map((r) => r.value as Eindresultaat);
const SOORTEN = CONTACTSOORTEN.map((c) => c.value as Contactsoort);

const meldingArb = fc
  .record({
    decision: fc.constantFrom(null, 'altijd', 'capaciteit', 'niet-opgepakt', 'uitgesteld'),
    resultaat: fc.option(fc.constantFrom(...RESULTS), { nil: null }),
    contacts: fc.array(fc.record({ soort: fc.constantFrom(...SOORTEN), bereikt: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 3 }),
    decidedDay: fc.integer({ min: 1, max: 28 }),
    closedDay: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ decision, resultaat, contacts, decidedDay, closedDay }) =>
    melding(1, 2, {
      decision: decision as DdasMeldingInput['decision'],
      decidedOn: decision === 'altijd' || decision === 'capaciteit' ? `2022-03-${String(decidedDay).padStart(2, '0')}` : null,
      resultaat,
      closedOn: resultaat === null ? null : `2022-03-${String(closedDay).padStart(2, '0')}`,
      contacts: contacts.map((c) => ({ soort: c.soort, bereikt: c.bereikt, datum: `2022-03-${String(c.day).padStart(2, '0')}`, dagdeel: null })),
    }),
  );

describe('caseState', () => {
  it('a melding with a contact attempt is picked up, dated no later than its first attempt, without a "Niet opgepakt" result', () => {
    fc.assert(
      fc.property(meldingArb, (m) => {
        const state = caseState(m);
        if (m.contacts.length > 0) {
          expect(state.pickedUp).toBe(true);
          expect(state.datumOpgepakt).not.toBeNull();
          for (const c of m.contacts) expect(state.datumOpgepakt! <= c.datum).toBe(true);
          expect(state.resultaat?.startsWith('Niet opgepakt') ?? false).toBe(false);
        }
        if (!state.pickedUp) {
          expect(state.datumOpgepakt).toBeNull();
          expect(state.status).toBe(m.resultaat ?? 'Nog niet opgepakt');
        }
        if (state.status === 'Opgepakt') expect(state.pickedUp).toBe(true);
      }),
    );
  });

  it('every random case gives a delivery that validates, with no attempts on a case not picked up', () => {
    const validate = ddasValidator();
    fc.assert(
      fc.property(fc.array(meldingArb, { minLength: 1, maxLength: 8 }), (meldingen) => {
        const numbered = meldingen.map((m, i) => melding(i + 1, 2, { ...m, signals: melding(i + 1, 2).signals }));
        const delivery = buildDdasDelivery(numbered, {
          period: { from: '2022-03', to: '2022-03' },
          gemeentecode: '0397',
          organisation: { naam: 'WIJ Heemstede', contact: { email: 'vroeg@example.nl' } },
          supplierCode: 'eropaf 0.1.0',
          deliveredAt: '2022-04-01T10:00:00Z',
        }) as { leveringen: Array<{ vroegsignaalzaken: Array<{ contactpogingen: unknown[] }> }> };
        expect(validate(delivery)).toEqual([]);
        numbered.forEach((m, i) => {
          if (!caseState(m).pickedUp) expect(delivery.leveringen[0]!.vroegsignaalzaken[i]!.contactpogingen).toEqual([]);
        });
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['deferred, closed as not picked up for capacity', { decision: 'uitgesteld', resultaat: 'Niet opgepakt: andere reden' }, false, 'Niet opgepakt: andere reden'],
    ['a repeat', { decision: 'niet-opgepakt', resultaat: 'Niet opgepakt: herhaalde melding' }, false, 'Niet opgepakt: herhaalde melding'],
    ['picked by the triage, nothing done yet', { decision: 'capaciteit', decidedOn: '2022-03-06' }, true, 'Opgepakt'],
    ['referred without the resident, never phoned', { decision: 'uitgesteld', resultaat: 'Verwijzing zonder tussenkomst inwoner', closedOn: '2022-03-20' }, true, 'Opgepakt'],
    ['known at debt counselling', { decision: 'altijd', decidedOn: '2022-03-06', resultaat: 'Inwoner al bekend bij schuldhulpverlening', closedOn: '2022-03-09' }, true, 'Inwoner al bekend bij schuldhulpverlening'],
    ['not triaged', {}, false, 'Nog niet opgepakt'],
  ] as const)('%s', (_, fields, pickedUp, status) => {
    const state = caseState(melding(1, 1, fields as Partial<DdasMeldingInput>));
    expect(state.pickedUp).toBe(pickedUp);
    expect(state.status).toBe(status);
    expect(state.datumOpgepakt !== null).toBe(pickedUp);
  });
});
