import type { Category } from '../types.js';
import { classify, historyFlags, type HistoryFlags } from './melding.js';

// Planning the import of one household's rows. The import is planned household by household so
// that memory stays bounded by the largest household, not by the size of the list.

/** What the planner needs of a staged (valid, not yet stored) row. */
export interface StagedSignalKeys {
  line: number;
  dedupKey: string;
  organisationKey: string;
}

/** The household's melding of this month, when an earlier file of the month created one. */
export interface ExistingMelding {
  id: number;
  category: Category;
  flags: HistoryFlags;
  signals: ReadonlyArray<{ dedupKey: string; organisationKey: string }>;
}

export interface HouseholdSituation {
  householdKey: string;
  /** null when the address has never been on a list. */
  householdId: number | null;
  existing: ExistingMelding | null;
  /** This file's valid rows for the household, in line order. */
  staged: readonly StagedSignalKeys[];
  /** Month indexes of the household's meldingen in other months. */
  otherMonths: readonly number[];
}

export type MeldingChange =
  | { kind: 'create'; category: Category; flags: HistoryFlags }
  | { kind: 'update'; id: number; category: Category; previousCategory: Category; flags: HistoryFlags }
  | { kind: 'unchanged'; id: number; category: Category; flags: HistoryFlags };

export interface HouseholdPlan {
  householdKey: string;
  householdId: number | null;
  melding: MeldingChange;
  /** Lines stored as new signals. */
  newLines: number[];
  /** Lines that repeat a signal of this file (an earlier line) or of the database. */
  duplicateLines: Array<{ line: number; of: 'file' | 'database' }>;
}

export function planHousehold(situation: HouseholdSituation, monthIndex: number): HouseholdPlan {
  const { existing } = situation;
  const known = new Set(existing?.signals.map((s) => s.dedupKey));
  const seenInFile = new Set<string>();
  const newLines: number[] = [];
  const duplicateLines: HouseholdPlan['duplicateLines'] = [];
  const organisations = existing ? existing.signals.map((s) => s.organisationKey) : [];

  for (const row of situation.staged) {
    if (known.has(row.dedupKey)) {
      duplicateLines.push({ line: row.line, of: 'database' });
    } else if (seenInFile.has(row.dedupKey)) {
      duplicateLines.push({ line: row.line, of: 'file' });
    } else {
      seenInFile.add(row.dedupKey);
      newLines.push(row.line);
      organisations.push(row.organisationKey);
    }
  }

  const category = classify(organisations);
  let melding: MeldingChange;
  if (existing === null) {
    melding = { kind: 'create', category, flags: historyFlags(monthIndex, situation.otherMonths) };
  } else if (newLines.length > 0) {
    melding = {
      kind: 'update',
      id: existing.id,
      category,
      previousCategory: existing.category,
      flags: existing.flags,
    };
  } else {
    melding = { kind: 'unchanged', id: existing.id, category, flags: existing.flags };
  }
  return { householdKey: situation.householdKey, householdId: situation.householdId, melding, newLines, duplicateLines };
}
