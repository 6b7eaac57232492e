import type { Month } from '../types.js';
import type { HouseholdPlan } from './plan-household.js';

/** The figures an import reports; the same for a dry run and a real run of the same input. */
export interface ImportSummary {
  file: string;
  month: Month;
  dryRun: boolean;
  replaced: boolean;
  rowsRead: number;
  signals: {
    new: number;
    duplicateInFile: number;
    duplicateKnown: number;
    rejected: number;
  };
  meldingen: {
    created: number;
    updated: number;
    enkelvoudig: number;
    meervoudig: number;
    opeenvolgend: number;
    onLastMonth: number;
  };
  households: { new: number; known: number };
  ignoredColumns: string[];
  /** Rows whose signaaldatum lies far from the list month: a warning, not an error. */
  farDated: { count: number; firstLines: number[] };
  /** Where rejected rows were written (with --skip-invalid), or would be in a dry run. */
  rejectsFile: string | null;
  /** `--replace` of a month already worked on: what stays, what changed, what is lost. */
  replacement?: {
    /** meldingen whose decision and follow-up stay with their household (and keep their reference) */
    carried: number;
    /** signals whose kenmerk the month had with another amount: count, and the first lines */
    changedAmounts: { count: number; firstLines: number[] };
    /** recorded follow-up of households no longer on the list (lost, with --force) */
    lost: Array<{ ref: string; contacts: number; results: number }>;
  };
}

export function emptySummary(init: {
  file: string;
  month: Month;
  dryRun: boolean;
  replaced: boolean;
  ignoredColumns: string[];
}): ImportSummary {
  return {
    ...init,
    rowsRead: 0,
    signals: { new: 0, duplicateInFile: 0, duplicateKnown: 0, rejected: 0 },
    meldingen: { created: 0, updated: 0, enkelvoudig: 0, meervoudig: 0, opeenvolgend: 0, onLastMonth: 0 },
    households: { new: 0, known: 0 },
    farDated: { count: 0, firstLines: [] },
    rejectsFile: null,
  };
}

/**
 * Adds one household's plan to the summary. Melding figures count the meldingen this file
 * created or added signals to: the ones a user should look at after the import.
 */
export function addHouseholdPlan(summary: ImportSummary, plan: HouseholdPlan): void {
  summary.signals.new += plan.newLines.length;
  for (const duplicate of plan.duplicateLines) {
    if (duplicate.of === 'file') summary.signals.duplicateInFile += 1;
    else summary.signals.duplicateKnown += 1;
  }
  if (plan.householdId === null) summary.households.new += 1;
  else summary.households.known += 1;

  const { melding } = plan;
  if (melding.kind === 'unchanged') return;
  if (melding.kind === 'create') summary.meldingen.created += 1;
  else summary.meldingen.updated += 1;
  summary.meldingen[melding.category] += 1;
  if (melding.flags.opeenvolgend) summary.meldingen.opeenvolgend += 1;
  if (melding.flags.onLastMonth) summary.meldingen.onLastMonth += 1;
}

/** Every row read ends in exactly one bucket; this is the check of that promise. */
export function bucketTotal(summary: ImportSummary): number {
  const { signals } = summary;
  return signals.new + signals.duplicateInFile + signals.duplicateKnown + signals.rejected;
}

const FAR_DATED_MONTHS = 2;
const FAR_DATED_LINES_KEPT = 10;

/** A signal dated more than two months away from its list month deserves a second look. */
export function isFarDated(signalMonthIndex: number, listMonthIndex: number): boolean {
  return Math.abs(signalMonthIndex - listMonthIndex) > FAR_DATED_MONTHS;
}

export function addFarDated(summary: ImportSummary, line: number): void {
  summary.farDated.count += 1;
  if (summary.farDated.firstLines.length < FAR_DATED_LINES_KEPT) summary.farDated.firstLines.push(line);
}
