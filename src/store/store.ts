import type { HouseholdPlan, HouseholdSituation } from '../core/import/plan-household.js';
import type { Month, Signal } from '../core/types.js';

// The storage port. Application code talks to these interfaces only; the SQLite adapter is one
// implementation, and a shared PostgreSQL store could be another. Methods are async so that a
// networked store fits without changing the callers.

export interface PriorImport {
  month: Month;
  fileName: string;
  importedAt: string;
}

/** A valid row waiting in the import's staging area. */
export interface StagedRow {
  line: number;
  householdKey: string;
  dedupKey: string;
  organisationKey: string;
  signal: Signal;
}

/** A row that will not be imported, and why (the rejects file reads the row itself again from the input). */
export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportRecord {
  month: Month;
  fileName: string;
  fileSha256: string;
  importedAt: string;
  replacedMonth: boolean;
}

export interface ImportCounts {
  rowsRead: number;
  signalsNew: number;
  signalsDuplicate: number;
  rowsRejected: number;
}

export interface Store {
  /** True when nothing can be written through this store (a dry run). */
  readonly readonly: boolean;
  findImportByHash(sha256: string): Promise<PriorImport | undefined>;
  /** Whether follow-up (contact attempts or results) was recorded for meldingen of the month. */
  monthHasFollowUp(month: Month): Promise<boolean>;
  /** A staging area for one import; it lives outside the stored data until `apply`. */
  openImportSession(): Promise<ImportSession>;
  close(): void;
}

export interface ImportSession {
  stage(rows: readonly StagedRow[]): Promise<void>;
  reject(rows: readonly RejectedRow[]): Promise<void>;
  /**
   * Staged rows whose signaal_id the month already has (in this file or stored) for another
   * address: one id cannot be two households' signal, so all of them are suspect.
   */
  conflictingIds(month: Month): Promise<Array<{ line: number; signaalId: string }>>;
  /** Moves staged rows to the rejected ones. */
  unstage(rows: readonly RejectedRow[]): Promise<void>;
  /**
   * The staged households in household-key order, a batch at a time, each with what the store
   * knows of it. With `ignoreMonth` the month's stored meldingen are treated as absent (a dry
   * run of `--replace`).
   */
  households(month: Month, options: { batchSize: number; ignoreMonth: boolean }): AsyncIterable<HouseholdSituation[]>;
  /** Why a line was rejected, or undefined when it was not. */
  rejectionOf(line: number): Promise<string | undefined>;
  /**
   * Runs `work` in one transaction on the stored data, given a writer. A crash or an error
   * inside leaves the stored data as it was.
   */
  transaction<T>(work: (writer: ImportWriter) => Promise<T>): Promise<T>;
  dispose(): void;
}

export interface ImportWriter {
  /** Removes the month's meldingen and signals (for `--replace`). */
  deleteMonth(month: Month): Promise<void>;
  recordImport(record: ImportRecord): Promise<void>;
  applyHouseholds(month: Month, plans: readonly HouseholdPlan[]): Promise<void>;
  /** Brings the history flags of later months up to date for the households this import touched. */
  refreshLaterFlags(month: Month): Promise<void>;
  finishImport(counts: ImportCounts): Promise<void>;
}
