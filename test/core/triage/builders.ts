// Builders for triage inputs: each test states only what its rule depends on.

import { planTriage } from '../../../src/core/triage/plan.js';
import {
  DEFAULT_TRIAGE_CONFIG,
  type Decision,
  type TriageInput,
  type TriageMelding,
  type TriagePlan,
  type TriageSignal,
  type TriageWorker,
} from '../../../src/core/triage/types.js';

export const MONTH = '2022-03';

export function signal(overrides: Partial<TriageSignal> = {}): TriageSignal {
  return {
    organisationKey: 'org:eneco',
    schuldeiser: 'Eneco',
    signaalpartner: 'Energie',
    bedragCents: 10_000,
    ontstaansdatum: null,
    crisissignaal: false,
    warmeOverdracht: false,
    ...overrides,
  };
}

/** An enkelvoudige melding with one signal; `n` makes id, ref and household distinct. */
export function melding(n: number, overrides: Partial<TriageMelding> = {}): TriageMelding {
  return {
    id: n,
    ref: `${MONTH}-${String(n).padStart(3, '0')}`,
    householdId: 1000 + n,
    category: 'enkelvoudig',
    signals: [signal()],
    lastMonth: null,
    recent: [],
    previousWorkerId: null,
    current: null,
    earlierCases: [],
    ...overrides,
  };
}

export function worker(id: number, capacity: number, active = true): TriageWorker {
  return { id, name: `Medewerker ${id}`, capacity, active };
}

export function input(overrides: Partial<TriageInput> = {}): TriageInput {
  return {
    month: MONTH,
    meldingen: [],
    workers: [worker(1, 10)],
    capacity: 10,
    config: { ...DEFAULT_TRIAGE_CONFIG },
    deferredLastMonth: [],
    ...overrides,
  };
}

export function plan(overrides: Partial<TriageInput> = {}): TriagePlan {
  return planTriage(input(overrides));
}

export function decisionOf(p: TriagePlan, meldingId: number): Decision {
  const d = p.decisions.find((x) => x.meldingId === meldingId);
  if (d === undefined) throw new Error(`no decision for melding ${meldingId}`);
  return d;
}

/** The melding ids of one kind, in plan order. */
export function idsOf(p: TriagePlan, kind: Decision['kind']): number[] {
  return p.decisions.filter((d) => d.kind === kind).map((d) => d.meldingId);
}
