// The worklist judged on a day: the meldingen past their first-contact term come first and are
// marked, and each line carries what eropaf proposes (a house visit, or closing after one).

import { describe, expect, it } from 'vitest';
import { worklistCells, worklistLines, type WorklistAttempt, type WorklistEntry, type WorklistRules } from '../../src/core/worklist.js';

const RULES: WorklistRules = { contactTermDays: 14, visit: { afterAttempts: 3, waitDays: 14 } };

function entry(ref: string, listedOn: string, attempts: WorklistAttempt[] = [], telefoon: string | null = '06-99000000'): WorklistEntry {
  return {
    ref,
    worker: 'Anna de Vries',
    kind: 'capaciteit',
    reason: 'binnen de capaciteit',
    category: 'enkelvoudig',
    opeenvolgend: false,
    onLastMonth: false,
    signals: [{ schuldeiser: null, signaalpartner: 'Zorg', bedragCents: 12_000 }],
    totalCents: 12_000,
    listedOn,
    attempts,
    person: {
      naam: 'T. Test',
      straatnaam: 'Proefstraat',
      huisnummer: '1',
      toevoeging: '',
      postcode: '2101AA',
      plaatsnaam: 'Heemstede',
      telefoon,
      email: null,
      bsn: null,
    },
  };
}

const call = (datum: string, bereikt = false): WorklistAttempt => ({ soort: 'Telefoon', bereikt, datum, dagdeel: null });

describe('worklistLines', () => {
  it('puts the meldingen past their term without any attempt first, keeping the order otherwise', () => {
    const lines = worklistLines(
      [
        entry('2023-05-001', '2023-05-01', [call('2023-05-03')]),
        entry('2023-05-002', '2023-05-01'),
        entry('2023-05-003', '2023-05-10'),
        entry('2023-05-004', '2023-05-01'),
      ],
      RULES,
      '2023-05-20',
    );
    expect(lines.map((l) => [l.ref, l.pastTerm])).toEqual([
      ['2023-05-002', true],
      ['2023-05-004', true],
      ['2023-05-001', false],
      ['2023-05-003', false],
    ]);
  });

  it('shows the term until the first attempt: the last day, or that it passed', () => {
    const [late, running, done] = worklistLines(
      [entry('a', '2023-05-01'), entry('b', '2023-05-10'), entry('c', '2023-05-01', [call('2023-05-30')])],
      RULES,
      '2023-05-20',
    );
    expect(worklistCells(late!).termijn).toBe('verlopen (15-05-2023)');
    expect(worklistCells(running!).termijn).toBe('tot 24-05-2023');
    expect(worklistCells(done!).termijn).toBe('');
  });

  it('uses the configured term', () => {
    const [line] = worklistLines([entry('a', '2023-05-01')], { ...RULES, contactTermDays: 30 }, '2023-05-20');
    expect(line!.pastTerm).toBe(false);
    expect(line!.deadline).toBe('2023-05-31');
  });

  it('proposes a house visit when the phone failed, and closing after a visit and the waiting days', () => {
    const calls = [call('2023-05-02'), call('2023-05-03'), call('2023-05-04')];
    const visit: WorklistAttempt = { soort: 'Huisbezoek', bereikt: false, datum: '2023-05-10', dagdeel: 'Middag' };
    const lines = worklistLines(
      [entry('a', '2023-05-01', calls), entry('b', '2023-05-01', [...calls, visit]), entry('c', '2023-05-01', calls.slice(1)), entry('d', '2023-05-01', [], null)],
      RULES,
      '2023-05-24',
    );
    expect(lines.map((l) => [l.ref, worklistCells(l).voorstel])).toEqual([
      // d: no attempt yet, past its term, and no phone or e-mail: a visit at once.
      ['d', 'huisbezoek'],
      ['a', 'huisbezoek'],
      ['b', 'afsluiten als "Definitief geen contact kunnen krijgen" (geen-contact)'],
      ['c', ''],
    ]);
  });
});
