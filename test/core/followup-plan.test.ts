// planFollowUp: what a contact/close command or a filled-in worklist adds to what is stored.
// Recording is idempotent; an attempt is identified by date, time and kind, so the same attempt
// with other values corrects it; a worker's result replaces one the triage set, keeping the close
// date of a closed melding; and a later row wins.

import { describe, expect, it } from 'vitest';
import {
  cardAttempt,
  planFollowUp,
  sameAttempt,
  type ContactInput,
  type FollowUpEntry,
  type RecordedFollowUp,
  type ResultInput,
  type StoredContact,
} from '../../src/core/followup-plan.js';

const REF = '2022-03-017';
const TODAY = '2022-03-31';

function contact(overrides: Partial<ContactInput> = {}): ContactInput {
  return { soort: 'Telefoon', bereikt: false, datum: '2022-03-10', dagdeel: null, notitie: null, ...overrides };
}

function stored(id: number, overrides: Partial<ContactInput> = {}): StoredContact {
  return { id, ...contact(overrides) };
}

function result(overrides: Partial<ResultInput> = {}): ResultInput {
  return { resultaat: '(Budget)advies en/of quick fix', referredTo: null, closedOn: '2022-03-12', ...overrides };
}

function recorded(overrides: Partial<RecordedFollowUp> = {}): RecordedFollowUp {
  return { id: 17, ref: REF, resultaat: null, resultSource: null, referredTo: null, closedOn: null, contacts: [], ...overrides };
}

function entry(overrides: Partial<FollowUpEntry> = {}): FollowUpEntry {
  return { ref: REF, contact: null, result: null, ...overrides };
}

function planOf(entries: readonly FollowUpEntry[], states: readonly RecordedFollowUp[]) {
  return planFollowUp(entries, states, TODAY);
}

describe('sameAttempt', () => {
  it.each([
    ['the same date and kind, neither with a time', {}, {}, true],
    ['one without a time', { tijd: '10:15', dagdeel: 'Ochtend' }, {}, true],
    ['the same time', { tijd: '10:15' }, { tijd: '10:15' }, true],
    ['another time', { tijd: '10:15' }, { tijd: '16:40' }, false],
    ['another part of day', { dagdeel: 'Ochtend' }, { dagdeel: 'Avond' }, false],
    ['another date', {}, { datum: '2022-03-11' }, false],
    ['another kind', {}, { soort: 'Huisbezoek' }, false],
    ['another reached and note', {}, { bereikt: true, notitie: 'x' }, true],
  ] as const)('%s: %s', (_name, a, b, same) => {
    expect(sameAttempt(contact(a), contact(b))).toBe(same);
  });
});

describe('planFollowUp', () => {
  it('plans a new contact attempt and a new result against an empty record', () => {
    const plan = planOf([entry({ contact: contact(), result: result() })], [recorded()]);
    expect(plan.contacts).toEqual([{ meldingId: 17, ref: REF, contact: contact() }]);
    expect(plan.results).toEqual([{ meldingId: 17, ref: REF, result: result(), previous: null }]);
    expect(plan.alreadyRecorded).toBe(0);
    expect(plan.corrections).toEqual([]);
  });

  it('records the same contact attempt only once, also when it appears twice in one input', () => {
    const plan = planOf([entry({ contact: contact() }), entry({ contact: contact() })], [recorded()]);
    expect(plan.contacts).toHaveLength(1);
    expect(plan.alreadyRecorded).toBe(1);
  });

  it('does not record a contact attempt that is already stored (reading a file twice)', () => {
    const known = stored(5, { bereikt: true, dagdeel: 'Middag', tijd: '14:30', notitie: 'teruggebeld' });
    const { id: _id, ...input } = known;
    const plan = planOf([entry({ contact: input })], [recorded({ contacts: [known] })]);
    expect(plan.contacts).toEqual([]);
    expect(plan.corrections).toEqual([]);
    expect(plan.alreadyRecorded).toBe(1);
  });

  it('treats an empty note and no note as the same', () => {
    const plan = planOf([entry({ contact: contact({ notitie: null }) })], [recorded({ contacts: [stored(5, { notitie: '' })] })]);
    expect(plan.contacts).toEqual([]);
    expect(plan.alreadyRecorded).toBe(1);
  });

  it.each([
    ['datum', { datum: '2022-03-11' }],
    ['soort', { soort: 'Huisbezoek' }],
    ['tijd', { tijd: '16:40', dagdeel: 'Middag' }],
  ] as const)('records a second attempt that differs in %s', (_field, change) => {
    const plan = planOf([entry({ contact: contact(change) })], [recorded({ contacts: [stored(5, { tijd: '10:15', dagdeel: 'Ochtend' })] })]);
    expect(plan.contacts).toHaveLength(1);
    expect(plan.corrections).toEqual([]);
  });

  it.each([
    ['bereikt', { bereikt: true }],
    ['notitie', { notitie: 'toch bereikt' }],
  ] as const)('corrects the stored attempt that differs only in %s', (_field, change) => {
    const plan = planOf([entry({ contact: contact(change) })], [recorded({ contacts: [stored(5)] })]);
    expect(plan.contacts).toEqual([]);
    expect(plan.corrections).toEqual([{ contactId: 5, ref: REF, contact: { ...contact(change), tijd: null }, previous: stored(5) }]);
  });

  it('keeps the time and part of day of the stored attempt when the correcting row has none', () => {
    const known = stored(5, { tijd: '10:15', dagdeel: 'Ochtend' });
    const plan = planOf([entry({ contact: contact({ bereikt: true }) })], [recorded({ contacts: [known] })]);
    expect(plan.corrections[0]!.contact).toEqual(contact({ bereikt: true, tijd: '10:15', dagdeel: 'Ochtend' }));
  });

  it('cannot tell which attempt a row without a time means when that day has several of its kind', () => {
    const states = [recorded({ contacts: [stored(5, { tijd: '10:15', dagdeel: 'Ochtend' }), stored(6, { tijd: '16:40', dagdeel: 'Middag' })] })];
    const plan = planOf([entry({ contact: contact() }), entry({ contact: contact({ tijd: '16:40', dagdeel: 'Middag', bereikt: true }) })], states);
    expect(plan.ambiguous).toEqual([0]);
    expect(plan.corrections.map((c) => c.contactId)).toEqual([6]);
  });

  it('corrects an attempt planned earlier in the same input instead of adding a second one', () => {
    const plan = planOf([entry({ contact: contact({ tijd: '10:15' }) }), entry({ contact: contact({ tijd: '10:15', bereikt: true }) })], [recorded()]);
    expect(plan.contacts).toHaveLength(1);
    expect(plan.contacts[0]!.contact.bereikt).toBe(true);
    expect(plan.corrections).toEqual([]);
  });

  it('adds the Kaartje attempt of a card left behind, once', () => {
    const visit = contact({ soort: 'Huisbezoek' });
    const first = planOf([entry({ contact: visit, card: true })], [recorded()]);
    expect(first.contacts.map((c) => c.contact.soort)).toEqual(['Huisbezoek', 'Kaartje']);
    expect(cardAttempt(visit)).toMatchObject({ soort: 'Kaartje', bereikt: false, datum: visit.datum });
    const contacts = first.contacts.map((c, i) => ({ id: i + 1, ...c.contact }));
    const again = planOf([entry({ contact: visit, card: true })], [recorded({ contacts })]);
    expect(again.contacts).toEqual([]);
    expect(again.alreadyRecorded).toBe(2);
  });

  it('counts the same result by a worker as already recorded', () => {
    const plan = planOf(
      [entry({ result: result({ closedOn: null }) })],
      [recorded({ resultaat: '(Budget)advies en/of quick fix', resultSource: 'medewerker', closedOn: '2022-03-12' })],
    );
    expect(plan.results).toEqual([]);
    expect(plan.alreadyRecorded).toBe(1);
  });

  it('closes with today when no date is given, and keeps the close date when closing again', () => {
    const open = planOf([entry({ result: result({ closedOn: null }) })], [recorded()]);
    expect(open.results[0]!.result.closedOn).toBe(TODAY);
    const closed = recorded({ resultaat: 'Inwoner is overleden', resultSource: 'medewerker', closedOn: '2022-03-05' });
    const again = planOf([entry({ result: result({ closedOn: null }) })], [closed]);
    expect(again.results).toEqual([
      { meldingId: 17, ref: REF, result: result({ closedOn: '2022-03-05' }), previous: 'Inwoner is overleden' },
    ]);
    const dated = planOf([entry({ result: result({ closedOn: '2022-03-20' }) })], [closed]);
    expect(dated.results[0]!.result.closedOn).toBe('2022-03-20');
  });

  it('does not keep the date of a Niet opgepakt result the triage set', () => {
    const plan = planOf([entry({ result: result({ closedOn: null }) })], [recorded({ resultaat: 'Niet opgepakt: andere reden', resultSource: 'triage', closedOn: '2022-02-01' })]);
    expect(plan.results[0]!.result.closedOn).toBe(TODAY);
  });

  it('records a result whose referral differs from the stored one', () => {
    const plan = planOf(
      [entry({ result: result({ resultaat: 'Vervolghulp en/of verwijzing', referredTo: 'amw' }) })],
      [recorded({ resultaat: 'Vervolghulp en/of verwijzing', resultSource: 'medewerker', referredTo: null, closedOn: '2022-03-12' })],
    );
    expect(plan.results).toHaveLength(1);
    expect(plan.results[0]!.previous).toBe('Vervolghulp en/of verwijzing');
  });

  it("lets a worker override a 'Niet opgepakt' result the triage set, even with the same value", () => {
    const state = recorded({ resultaat: 'Niet opgepakt: andere reden', resultSource: 'triage' });
    const same = planOf([entry({ result: result({ resultaat: 'Niet opgepakt: andere reden' }) })], [state]);
    expect(same.results).toHaveLength(1);
    expect(same.results[0]!.previous).toBe('Niet opgepakt: andere reden');
    expect(same.alreadyRecorded).toBe(0);

    const other = planOf([entry({ result: result() })], [state]);
    expect(other.results).toEqual([{ meldingId: 17, ref: REF, result: result(), previous: 'Niet opgepakt: andere reden' }]);
  });

  it('lets a later row win for the same melding, keeping the stored result as the previous one', () => {
    const first = result({ resultaat: 'Geen reactie na eerder contact' });
    const last = result({ resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering' });
    const fromNothing = planOf([entry({ result: first }), entry({ result: last })], [recorded()]);
    expect(fromNothing.results).toEqual([{ meldingId: 17, ref: REF, result: last, previous: null }]);

    const fromStored = planOf(
      [entry({ result: first }), entry({ result: last })],
      [recorded({ resultaat: 'Inwoner is overleden', resultSource: 'medewerker', closedOn: '2022-03-01' })],
    );
    expect(fromStored.results).toEqual([{ meldingId: 17, ref: REF, result: last, previous: 'Inwoner is overleden' }]);
  });

  it('keeps meldingen apart and applies entries in order', () => {
    const other = recorded({ id: 18, ref: '2022-03-018' });
    const plan = planOf(
      [entry({ ref: '2022-03-018', contact: contact() }), entry({ contact: contact() }), entry({ ref: '2022-03-018', result: result() })],
      [recorded(), other],
    );
    expect(plan.contacts.map((c) => c.meldingId)).toEqual([18, 17]);
    expect(plan.results.map((r) => r.meldingId)).toEqual([18]);
    expect(plan.alreadyRecorded).toBe(0);
  });

  it('does not change its input', () => {
    const state = recorded({ contacts: [stored(5)] });
    const copy = structuredClone(state);
    planOf([entry({ contact: contact({ bereikt: true }), result: result() })], [state]);
    expect(state).toEqual(copy);
  });

  it('refuses an entry without recorded state (a bug in the caller)', () => {
    expect(() => planOf([entry({ ref: '2022-03-999' })], [recorded()])).toThrow(RangeError);
  });

  it('is idempotent: planning what a first plan stored again records nothing', () => {
    const entries = [entry({ contact: contact(), result: result() }), entry({ contact: contact({ datum: '2022-03-11', bereikt: true }) })];
    const first = planOf(entries, [recorded()]);
    const afterwards = recorded({
      contacts: first.contacts.map((c, i) => ({ id: i + 1, ...c.contact })),
      resultaat: first.results[0]!.result.resultaat,
      resultSource: 'medewerker',
      referredTo: first.results[0]!.result.referredTo,
      closedOn: first.results[0]!.result.closedOn,
    });
    const second = planOf(entries, [afterwards]);
    expect(second.contacts).toEqual([]);
    expect(second.corrections).toEqual([]);
    expect(second.results).toEqual([]);
    expect(second.alreadyRecorded).toBe(3);
  });
});
