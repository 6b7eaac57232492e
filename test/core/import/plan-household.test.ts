import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, historyFlags } from '../../../src/core/import/melding.js';
import { planHousehold, type HouseholdSituation, type StagedSignalKeys } from '../../../src/core/import/plan-household.js';
import { monthIndex } from '../../../src/core/month.js';

const MARCH = monthIndex('2022-03');

function staged(line: number, dedupKey: string, organisationKey: string): StagedSignalKeys {
  return { line, dedupKey, organisationKey };
}

function situation(overrides: Partial<HouseholdSituation>): HouseholdSituation {
  return { householdKey: '2101AB|12|', householdId: null, existing: null, staged: [], otherMonths: [], ...overrides };
}

describe('classify', () => {
  it('calls one organisation enkelvoudig, even with several signals (gas and stroom)', () => {
    expect(classify(['org:stroomlijn', 'org:stroomlijn'])).toBe('enkelvoudig');
  });
  it('calls two organisations meervoudig', () => {
    expect(classify(['org:stroomlijn', 'type:Huur'])).toBe('meervoudig');
  });
});

describe('historyFlags', () => {
  it('marks last month and the six months before, and nothing further back or later', () => {
    expect(historyFlags(MARCH, [MARCH - 1])).toEqual({ onLastMonth: true, opeenvolgend: true });
    expect(historyFlags(MARCH, [MARCH - 6])).toEqual({ onLastMonth: false, opeenvolgend: true });
    expect(historyFlags(MARCH, [MARCH - 7, MARCH + 1, MARCH])).toEqual({ onLastMonth: false, opeenvolgend: false });
  });
});

describe('planHousehold', () => {
  it('creates a melding for a new household with its flags from history', () => {
    const plan = planHousehold(
      situation({ staged: [staged(2, 'id:A', 'org:x')], otherMonths: [MARCH - 1], householdId: 7 }),
      MARCH,
    );
    expect(plan.melding).toEqual({ kind: 'create', category: 'enkelvoudig', flags: { onLastMonth: true, opeenvolgend: true } });
    expect(plan.newLines).toEqual([2]);
  });

  it('keeps the first of two equal rows and counts the second as a duplicate within the file', () => {
    const plan = planHousehold(situation({ staged: [staged(2, 'id:A', 'org:x'), staged(9, 'id:A', 'org:x')] }), MARCH);
    expect(plan.newLines).toEqual([2]);
    expect(plan.duplicateLines).toEqual([{ line: 9, of: 'file' }]);
  });

  it('adds only new signals to an existing melding and re-classifies it', () => {
    const plan = planHousehold(
      situation({
        householdId: 3,
        existing: {
          id: 40,
          category: 'enkelvoudig',
          flags: { onLastMonth: false, opeenvolgend: true },
          signals: [{ dedupKey: 'id:A', organisationKey: 'org:x' }],
        },
        staged: [staged(2, 'id:A', 'org:x'), staged(3, 'id:B', 'org:y')],
      }),
      MARCH,
    );
    expect(plan.duplicateLines).toEqual([{ line: 2, of: 'database' }]);
    expect(plan.newLines).toEqual([3]);
    expect(plan.melding).toEqual({
      kind: 'update',
      id: 40,
      category: 'meervoudig',
      previousCategory: 'enkelvoudig',
      flags: { onLastMonth: false, opeenvolgend: true },
    });
  });

  it('leaves a melding unchanged when every row is already known', () => {
    const plan = planHousehold(
      situation({
        householdId: 3,
        existing: { id: 40, category: 'enkelvoudig', flags: { onLastMonth: false, opeenvolgend: false }, signals: [{ dedupKey: 'id:A', organisationKey: 'org:x' }] },
        staged: [staged(2, 'id:A', 'org:x')],
      }),
      MARCH,
    );
    expect(plan.melding.kind).toBe('unchanged');
    expect(plan.newLines).toEqual([]);
  });

  it('puts every staged row in exactly one of new and duplicate, whatever the keys', () => {
    const rows = fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), org: fc.constantFrom('x', 'y') }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(rows, (generated) => {
        const stagedRows = generated.map((r, i) => staged(i + 2, r.key, r.org));
        const plan = planHousehold(situation({ staged: stagedRows }), MARCH);
        const lines = [...plan.newLines, ...plan.duplicateLines.map((d) => d.line)].sort((a, b) => a - b);
        expect(lines).toEqual(stagedRows.map((r) => r.line));
        expect(plan.newLines.length).toBe(new Set(generated.map((r) => r.key)).size);
      }),
    );
  });
});
