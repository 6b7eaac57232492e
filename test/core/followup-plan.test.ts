// planFollowUp: what a contact/close command or a filled-in worklist adds to what is stored.
// Recording is idempotent, a worker's result replaces one the triage set, and a later row wins.

import { describe, expect, it } from 'vitest';
import {
  planFollowUp,
  type ContactInput,
  type FollowUpEntry,
  type RecordedFollowUp,
  type ResultInput,
} from '../../src/core/followup-plan.js';

const REF = '2022-03-017';

function contact(overrides: Partial<ContactInput> = {}): ContactInput {
  return { soort: 'Telefoon', bereikt: false, datum: '2022-03-10', dagdeel: null, notitie: null, ...overrides };
}

function result(overrides: Partial<ResultInput> = {}): ResultInput {
  return { resultaat: '(Budget)advies en/of quick fix', referredTo: null, closedOn: '2022-03-12', ...overrides };
}

function recorded(overrides: Partial<RecordedFollowUp> = {}): RecordedFollowUp {
  return { id: 17, ref: REF, resultaat: null, resultSource: null, referredTo: null, contacts: [], ...overrides };
}

function entry(overrides: Partial<FollowUpEntry> = {}): FollowUpEntry {
  return { ref: REF, contact: null, result: null, ...overrides };
}

describe('planFollowUp', () => {
  it('plans a new contact attempt and a new result against an empty record', () => {
    const plan = planFollowUp([entry({ contact: contact(), result: result() })], [recorded()]);
    expect(plan.contacts).toEqual([{ meldingId: 17, ref: REF, contact: contact() }]);
    expect(plan.results).toEqual([{ meldingId: 17, ref: REF, result: result(), previous: null }]);
    expect(plan.alreadyRecorded).toBe(0);
  });

  it('records the same contact attempt only once, also when it appears twice in one input', () => {
    const plan = planFollowUp([entry({ contact: contact() }), entry({ contact: contact() })], [recorded()]);
    expect(plan.contacts).toHaveLength(1);
    expect(plan.alreadyRecorded).toBe(1);
  });

  it('does not record a contact attempt that is already stored (reading a file twice)', () => {
    const stored = contact({ bereikt: true, dagdeel: 'Middag', notitie: 'teruggebeld' });
    const plan = planFollowUp([entry({ contact: { ...stored } })], [recorded({ contacts: [stored] })]);
    expect(plan.contacts).toEqual([]);
    expect(plan.alreadyRecorded).toBe(1);
  });

  it('treats an empty note and no note as the same', () => {
    const plan = planFollowUp([entry({ contact: contact({ notitie: null }) })], [recorded({ contacts: [contact({ notitie: '' })] })]);
    expect(plan.contacts).toEqual([]);
    expect(plan.alreadyRecorded).toBe(1);
  });

  it.each([
    ['soort', { soort: 'Huisbezoek' }],
    ['bereikt', { bereikt: true }],
    ['datum', { datum: '2022-03-11' }],
    ['dagdeel', { dagdeel: 'Avond' }],
    ['notitie', { notitie: 'tweede poging' }],
  ] as const)('records a second attempt that differs in %s', (_field, change) => {
    const plan = planFollowUp([entry({ contact: contact(change) })], [recorded({ contacts: [contact()] })]);
    expect(plan.contacts).toHaveLength(1);
    expect(plan.alreadyRecorded).toBe(0);
  });

  it('counts the same result by a worker as already recorded', () => {
    const plan = planFollowUp(
      [entry({ result: result() })],
      [recorded({ resultaat: '(Budget)advies en/of quick fix', resultSource: 'medewerker' })],
    );
    expect(plan.results).toEqual([]);
    expect(plan.alreadyRecorded).toBe(1);
  });

  it('records a result whose referral differs from the stored one', () => {
    const plan = planFollowUp(
      [entry({ result: result({ resultaat: 'Vervolghulp en/of verwijzing', referredTo: 'amw' }) })],
      [recorded({ resultaat: 'Vervolghulp en/of verwijzing', resultSource: 'medewerker', referredTo: null })],
    );
    expect(plan.results).toHaveLength(1);
    expect(plan.results[0]!.previous).toBe('Vervolghulp en/of verwijzing');
  });

  it("lets a worker override a 'Niet opgepakt' result the triage set, even with the same value", () => {
    const stored = recorded({ resultaat: 'Niet opgepakt: andere reden', resultSource: 'triage' });
    const same = planFollowUp([entry({ result: result({ resultaat: 'Niet opgepakt: andere reden' }) })], [stored]);
    expect(same.results).toHaveLength(1);
    expect(same.results[0]!.previous).toBe('Niet opgepakt: andere reden');
    expect(same.alreadyRecorded).toBe(0);

    const other = planFollowUp([entry({ result: result() })], [stored]);
    expect(other.results).toEqual([
      { meldingId: 17, ref: REF, result: result(), previous: 'Niet opgepakt: andere reden' },
    ]);
  });

  it('also replaces a closure for capacity (source sluiting) with a worker result', () => {
    const plan = planFollowUp(
      [entry({ result: result({ resultaat: 'Inwoner is overleden' }) })],
      [recorded({ resultaat: 'Niet opgepakt: andere reden', resultSource: 'sluiting' })],
    );
    expect(plan.results).toHaveLength(1);
  });

  it('lets a later row win for the same melding, keeping the stored result as the previous one', () => {
    const first = result({ resultaat: 'Geen reactie na eerder contact' });
    const last = result({ resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering' });
    const fromNothing = planFollowUp([entry({ result: first }), entry({ result: last })], [recorded()]);
    expect(fromNothing.results).toEqual([{ meldingId: 17, ref: REF, result: last, previous: null }]);

    const fromStored = planFollowUp(
      [entry({ result: first }), entry({ result: last })],
      [recorded({ resultaat: 'Inwoner is overleden', resultSource: 'medewerker' })],
    );
    expect(fromStored.results).toEqual([{ meldingId: 17, ref: REF, result: last, previous: 'Inwoner is overleden' }]);
  });

  it('keeps meldingen apart and applies entries in order', () => {
    const other = recorded({ id: 18, ref: '2022-03-018' });
    const plan = planFollowUp(
      [
        entry({ ref: '2022-03-018', contact: contact() }),
        entry({ contact: contact() }),
        entry({ ref: '2022-03-018', result: result() }),
      ],
      [recorded(), other],
    );
    expect(plan.contacts.map((c) => c.meldingId)).toEqual([18, 17]);
    expect(plan.results.map((r) => r.meldingId)).toEqual([18]);
    expect(plan.alreadyRecorded).toBe(0);
  });

  it('does not change its input', () => {
    const state = recorded({ contacts: [contact()] });
    const copy = structuredClone(state);
    planFollowUp([entry({ contact: contact({ bereikt: true }), result: result() })], [state]);
    expect(state).toEqual(copy);
  });

  it('refuses an entry without recorded state (a bug in the caller)', () => {
    expect(() => planFollowUp([entry({ ref: '2022-03-999' })], [recorded()])).toThrow(RangeError);
  });

  it('is idempotent: planning what a first plan stored again records nothing', () => {
    const entries = [
      entry({ contact: contact(), result: result() }),
      entry({ contact: contact({ datum: '2022-03-11', bereikt: true }) }),
    ];
    const first = planFollowUp(entries, [recorded()]);
    const afterwards = recorded({
      contacts: first.contacts.map((c) => c.contact),
      resultaat: first.results[0]!.result.resultaat,
      resultSource: 'medewerker',
      referredTo: first.results[0]!.result.referredTo,
    });
    const second = planFollowUp(entries, [afterwards]);
    expect(second.contacts).toEqual([]);
    expect(second.results).toEqual([]);
    expect(second.alreadyRecorded).toBe(3);
  });
});
