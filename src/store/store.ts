import type { Role } from '../core/accounts.js';
import type { Gemeente } from '../core/gemeente.js';
import type { ContactInput, RecordedFollowUp, ResultRecord as PlannedResult } from '../core/followup-plan.js';
import type { PickupDecision } from '../core/pickup.js';
import type { DdasMeldingInput } from '../core/report/ddas.js';
import type { Period } from '../core/report/period.js';
import type { RetentionCandidate } from '../core/retention.js';
import type { StatsContact, StatsMelding, StatsSignal } from '../core/report/stats.js';
import type { FollowUpCounts, MonthCounts } from '../core/report/table.js';
import type { WorklistEntry } from '../core/worklist.js';
import type { HouseholdPlan, HouseholdSituation } from '../core/import/plan-household.js';
import type { ReplacedMelding } from '../core/import/replace.js';
import type { SignalRecord } from '../core/import/signal-record.js';
import type { Decision, DecisionKind, PlannedMonth, TriageConfig, TriageMelding } from '../core/triage/types.js';
import type { FindQuery, FoundHousehold } from '../core/find.js';
import type { HandoverMove, OpenMelding } from '../core/handover.js';
import type { MonthContents } from '../core/month-removal.js';
import type { IsoDate, Month } from '../core/types.js';

// The storage port. Application code talks to these interfaces only; the SQLite adapter is one
// implementation, and a shared PostgreSQL store could be another. Methods are async so that a
// networked store fits without changing the callers.

export interface PriorImport {
  month: Month;
  fileName: string;
  importedAt: string;
}

/**
 * A valid row of the list as the import stages it, flat so that a store can bind it as it is: its
 * line, its household (core/import/keys.ts householdKey) and its signal record.
 */
export type StagedRow = [line: number, householdKey: string, ...record: SignalRecord];

/** A row that will not be imported, and why (the rejects file reads the row itself again from the input). */
export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportRecord {
  month: Month;
  /** the gemeente whose list this is */
  gemeenteId: number;
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

export type { WorklistEntry };

export interface Store
  extends GemeenteStore, WorkerStore, TriageStore, FollowUpStore, SettingsStore, ReportStore, PrivacyStore, MonthStore, OpenWorkStore, FindStore, AccountStore {
  /** True when nothing can be written through this store (a dry run). */
  readonly readonly: boolean;
  /** One melding with everything the melding page shows (the BSN masked), or undefined. */
  meldingDetail(ref: { month: Month; seq: number }): Promise<MeldingDetail | undefined>;
  /** The last import of this file (for this gemeente: another gemeente's list may be the same file). */
  findImportByHash(sha256: string, gemeenteId?: number): Promise<PriorImport | undefined>;
  /** Whether a worker recorded follow-up (contact attempts or results) for meldingen of the month. */
  monthHasFollowUp(month: Month): Promise<boolean>;
  /**
   * A staging area for one import of a gemeente's list; it lives outside the stored data until
   * `apply`. Null: a gemeente the import is about to make, so nothing is stored for it yet.
   */
  openImportSession(gemeenteId: number | null): Promise<ImportSession>;
  /**
   * Runs `work` in one transaction: all of its writes happen, or none. `work` gets the store to
   * read and write through (`tx`): an adapter over a database server hands it the transaction's
   * own connection, so what the work does must go through `tx`, not the store it was called on.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction if nobody else is writing to the database right now; false
   * (and nothing done) when someone is: for writes that may be skipped rather than wait.
   */
  transactionIfFree(work: (tx: Store) => Promise<void>): Promise<boolean>;
  /** The same store, auditing as another actor (a web app account and its request). */
  withAudit(context: AuditContext): Store;
  /** Ends the connection (a server adapter's pool). Safe to call twice. */
  close(): Promise<void>;
}

/** Which gemeenten a command is about: one, or (undefined) all of them. */
export type GemeenteFilter = number | undefined;

export interface GemeenteStore {
  /** The gemeenten, ordered by code (the unnamed one of an older database first). */
  gemeenten(): Promise<Gemeente[]>;
  addGemeente(gemeente: { code: string | null; name: string | null }): Promise<Gemeente>;
  /** Gives a gemeente (the unnamed one of an older database) its code and name. */
  nameGemeente(id: number, name: { code: string; name: string }): Promise<void>;
}

export interface WorkerRecord {
  id: number;
  name: string;
  capacity: number;
  active: boolean;
}

export interface WorkerStore {
  workers(): Promise<WorkerRecord[]>;
  addWorker(worker: { name: string; capacity: number; createdAt: string }): Promise<WorkerRecord>;
  updateWorker(id: number, change: { capacity?: number; active?: boolean }): Promise<void>;
}

export interface TriageRun {
  month: Month;
  capacity: number;
  capacityOverridden: boolean;
  config: TriageConfig;
  triagedAt: string;
}

export interface TriageData {
  /** Read a batch at a time as the caller iterates, so that a big month is never in memory whole. */
  meldingen: AsyncIterable<TriageMelding[]>;
  deferredLastMonth: Array<{ id: number; ref: string; householdId: number }>;
}

export interface TriageStore {
  /** Every melding of the month (of these gemeenten; all when undefined) with the history the triage rules need. */
  triageData(month: Month, repeatMonths: number, gemeenteIds?: readonly number[]): Promise<TriageData>;
  /** The month's triage run (of any of these gemeenten; all when undefined). */
  triageRun(month: Month, gemeenteIds?: readonly number[]): Promise<TriageRun | undefined>;
  /**
   * Stores a month's triage plan for these gemeenten (inside the caller's transaction); each
   * gemeente's run keeps the run's capacity, or its own share when `shares` has one.
   */
  applyTriage(
    plan: PlannedMonth,
    run: TriageRun,
    today: IsoDate,
    gemeenteIds?: readonly number[],
    shares?: ReadonlyMap<number, number>,
  ): Promise<void>;
  /** Per worker, the meldingen of the month of other gemeenten than these that are picked and assigned to them. */
  assignedElsewhere(month: Month, gemeenteIds: readonly number[]): Promise<Map<number, number>>;
  /** Open picked meldingen of the month, or of every month (null) oldest first; of one worker or all; of one gemeente or all. */
  worklist(month: Month | null, workerId: number | null, gemeenteId?: GemeenteFilter): Promise<WorklistEntry[]>;
  /** The month's stored decisions in ref order, with their reasons as they were decided. */
  storedDecisions(month: Month, gemeenteId?: GemeenteFilter): Promise<Decision[]>;
}

export interface MonthOverview {
  month: Month;
  received: number;
  triaged: boolean;
  assigned: number;
  followedUp: number;
  deferred: number;
  closed: number;
}

/** A melding as the follow-up commands see it. */
export interface MeldingState extends RecordedFollowUp {
  month: Month;
  decision: DecisionKind | null;
  workerId: number | null;
}

export type ContactRecord = ContactInput;
export type ResultRecord = PlannedResult;
export type PickupRecord = PickupDecision;

export interface FollowUpStore {
  /** The meldingen with these references (month and number), with what was recorded for them. */
  meldingStates(refs: ReadonlyArray<{ month: Month; seq: number }>): Promise<MeldingState[]>;
  addContact(meldingId: number, contact: ContactRecord, recordedAt: string): Promise<void>;
  /** Changes a stored attempt (a correction). */
  updateContact(contactId: number, contact: ContactRecord, recordedAt: string): Promise<void>;
  deleteContact(contactId: number): Promise<void>;
  /** Records (or replaces) a worker's result for the melding. */
  setResult(meldingId: number, result: ResultRecord, recordedAt: string): Promise<void>;
  /**
   * Takes the melding out of its household's case, if it is in one: attempts on the case no
   * longer count for it, nor its attempts for the case.
   */
  leaveCase(meldingId: number): Promise<void>;
  /** Removes the melding's result (reopening it). */
  deleteResult(meldingId: number): Promise<void>;
  /** Makes the melding picked up by a worker, removing a Niet opgepakt result. */
  pickUp(meldingId: number, pickup: PickupRecord, decidedAt: string): Promise<void>;
}

export interface FindStore {
  /** The ids of the households a query finds, at most `limit`. */
  findHouseholdIds(query: FindQuery, limit: number): Promise<number[]>;
  /** Those households with their meldingen over all months (personal data included, BSN unmasked). */
  foundHouseholds(ids: readonly number[]): Promise<FoundHousehold[]>;
}

export interface OpenCaseMember extends OpenMelding {
  workerId: number | null;
}

export interface OpenWorkStore {
  /** The worker's open meldingen (picked, no result yet) over all months, oldest first. */
  openWork(workerId: number): Promise<OpenMelding[]>;
  /** The open meldingen of this melding's case (its root and every melding that joined it), with their worker. */
  openCase(meldingId: number): Promise<OpenCaseMember[]>;
  /** How many open meldingen each worker has, over all months. */
  openLoad(): Promise<Map<number, number>>;
  /** Gives meldingen to other workers (inside the caller's transaction). */
  reassign(moves: readonly HandoverMove[]): Promise<void>;
}

export interface MonthStore {
  /** What the month's list (of one gemeente, or all) holds, in counts. */
  monthContents(month: Month, gemeenteId?: GemeenteFilter): Promise<MonthContents>;
  /** Removes the month's list (of one gemeente, or all) and all that was recorded for it (inside the caller's transaction). */
  deleteMonthList(month: Month, gemeenteId?: GemeenteFilter): Promise<void>;
}

export interface SettingsStore {
  settings(): Promise<Map<string, string>>;
  setSetting(key: string, value: string): Promise<void>;
}

export interface ImportSession {
  stage(rows: readonly StagedRow[]): Promise<void>;
  reject(rows: readonly RejectedRow[]): Promise<void>;
  /**
   * Staged rows whose signaal_id the month already has (in this file or stored) for another
   * address: one id cannot be two households' signal, so all of them are suspect. With
   * `ignoreMonth` (--replace) the month's stored signals do not count.
   */
  conflictingIds(month: Month, options: { ignoreMonth: boolean }): Promise<Array<{ line: number; signaalId: string }>>;
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
   * For `--replace`: the month's meldingen that something was recorded for, each with where the
   * staged list has its kenmerken and its address (empty when nothing was recorded for the month).
   */
  replacementCandidates(month: Month): Promise<ReplacedMelding[]>;
  /** For `--replace`: the staged lines whose kenmerk the month has with another amount. */
  changedAmounts(month: Month): Promise<number[]>;
  /**
   * Runs `work` in one transaction on the stored data, given a writer. A crash or an error
   * inside leaves the stored data as it was.
   */
  transaction<T>(work: (writer: ImportWriter) => Promise<T>): Promise<T>;
  dispose(): void;
}

export interface ImportWriter {
  /**
   * Removes the month's meldingen and signals (for `--replace`), and all that was recorded for
   * them except for the `carried` meldingen: their decision, attempts and result wait for
   * `carryOver` to give them to the new melding of `householdKey`, which keeps their reference.
   */
  deleteMonth(month: Month, carried: ReadonlyArray<{ meldingId: number; householdKey: string }>): Promise<void>;
  /** Gives the carried meldingen's decision, attempts and result to the new meldingen (after applyHouseholds). */
  carryOver(): Promise<void>;
  recordImport(record: ImportRecord): Promise<void>;
  applyHouseholds(month: Month, plans: readonly HouseholdPlan[]): Promise<void>;
  /** Brings the history flags of later months up to date for the households this import touched. */
  refreshLaterFlags(month: Month): Promise<void>;
  finishImport(counts: ImportCounts): Promise<void>;
}

export interface ReportStore {
  /** Per month and category, the meldingen of the period's lists received and followed up. */
  followUpCounts(period: Period, gemeenteId?: GemeenteFilter): Promise<Array<MonthCounts<FollowUpCounts>>>;
  /** The same with the open and deferred ones: each month's state (more work to count). */
  monthCounts(period: Period, gemeenteId?: GemeenteFilter): Promise<MonthCounts[]>;
  /** The months that have an imported list (of the gemeente). */
  importedMonths(gemeenteId?: GemeenteFilter): Promise<Set<Month>>;
  /** Each imported month's state: received, triaged, assigned, followed up, deferred, closed. */
  monthOverview(gemeenteId?: GemeenteFilter): Promise<MonthOverview[]>;
  /** The months triaged for every gemeente that has a list of them (as monthOverview's `triaged`), oldest first. */
  triagedMonths(): Promise<Month[]>;
  /**
   * Per month, the picked-up meldingen without any contact attempt or result, personal data
   * still stored, whose list was imported before `listedBefore` (a moment, ISO).
   */
  pastContactTermCounts(listedBefore: string): Promise<Map<Month, number>>;
  /** What the period figures are computed from: the meldingen of the period's lists. */
  statsData(period: Period, gemeenteId?: GemeenteFilter): Promise<{ meldingen: StatsMelding[]; signals: StatsSignal[]; contacts: StatsContact[] }>;
  /** Every melding of the period with its signals (personal data included) and contact attempts. */
  ddasData(period: Period, gemeenteId?: GemeenteFilter): Promise<DdasMeldingInput[]>;
}

/** What a delivery held (deliveries before migration 5 have no details). */
export interface DeliveryDetails {
  gemeentecode: string;
  vroegsignalen: number;
  vroegsignaalzaken: number;
  parts: number;
  /** SHA-256 of what the delivery said about the signals and cases (core/report/ddas.ts ddasRecords). */
  contentSha256: string;
}

export interface DeliveryRecord {
  kind: string;
  from: Month;
  to: Month;
  deliveredAt: string;
  details: DeliveryDetails | null;
}

export interface PurgeCounts {
  meldingen: number;
  signals: number;
  notes: number;
  households: number;
}

export interface AuditRecord {
  at: string;
  osUser: string;
  /** The web app account that made the change; absent for the command line. */
  account?: string | null;
  command: string;
  options: Record<string, unknown>;
  counts: Record<string, number>;
  inputSha256: string | null;
}

/** The running command, as the audit trail records it. */
export type AuditContext = Omit<AuditRecord, 'counts' | 'inputSha256'>;

export interface AuditEntry {
  counts: Record<string, number>;
  inputSha256?: string;
}

export interface PrivacyStore {
  /**
   * Meldingen whose personal data is still stored, with what decides their retention term; with
   * `followedUpOnly`, only those that were followed up.
   */
  retentionCandidates(options?: { followedUpOnly: boolean }): Promise<RetentionCandidate[]>;
  /** How many meldingen never followed up, with personal data still stored, have a list month before `month`. */
  countNotFollowedUpBefore(month: Month): Promise<number>;
  /** What purging these meldingen would remove, in counts. */
  purgePreview(meldingIds: readonly number[]): Promise<PurgeCounts>;
  /** Removes the personal data of these meldingen (inside the caller's transaction). */
  purgeMeldingen(meldingIds: readonly number[], purgedAt: string): Promise<PurgeCounts>;
  /** Whether the file still holds freed pages that may contain removed values. */
  needsCompaction(): Promise<boolean>;
  /**
   * Rewrites the database file so that removed values are gone from it, not just unlinked.
   * False when another process kept an old copy in the write-ahead log alive.
   */
  compact(): Promise<boolean>;
  /** The months of the period that hold purged meldingen. */
  purgedMonths(period: Period): Promise<Month[]>;
  /** The national deliveries made, oldest first. */
  deliveries(): Promise<DeliveryRecord[]>;
  recordDelivery(kind: string, period: Period, deliveredAt: string, details?: DeliveryDetails): Promise<void>;
  /**
   * Whether anything a delivery of the period is made from was recorded after `since`: a list,
   * a triage, a contact attempt or a result of one of its meldingen.
   */
  periodChangedSince(period: Period, since: string): Promise<boolean>;
  /**
   * Appends an audit record for the running command (inside the caller's transaction); who
   * runs which command with which options comes from the context the store was opened with.
   */
  appendAudit(entry: AuditEntry): Promise<void>;
  auditRecords(since: string | null): Promise<AuditRecord[]>;
  /**
   * The changes recorded for one melding (reference as written, such as 2022-03-017): the web
   * app's (option "melding") and the command line's (first argument), oldest first; openings of
   * its page are left out.
   */
  auditOfMelding(ref: string): Promise<AuditRecord[]>;
}

export interface AccountRecord {
  id: number;
  name: string;
  role: Role;
  workerId: number | null;
  workerName: string | null;
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the random id in the browser's cookie. */
  idHash: string;
  accountId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface AccountStore {
  accounts(): Promise<AccountRecord[]>;
  /** An account by name (case-insensitive), with its password hash. */
  accountByName(name: string): Promise<(AccountRecord & { passwordHash: string }) | undefined>;
  addAccount(account: { name: string; role: Role; workerId: number | null; passwordHash: string; createdAt: string }): Promise<AccountRecord>;
  updateAccount(id: number, change: { active?: boolean; passwordHash?: string; lockedUntil?: string | null }): Promise<void>;
  addLoginFailure(accountId: number, at: string): Promise<void>;
  /** Wrong passwords for the account at or after `since`. */
  countLoginFailures(accountId: number, since: string): Promise<number>;
  clearLoginFailures(accountId: number): Promise<void>;
  addSession(session: SessionRecord): Promise<void>;
  /** A session with its account. */
  session(idHash: string): Promise<{ session: SessionRecord; account: AccountRecord } | undefined>;
  touchSession(idHash: string, at: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteSessionsOf(accountId: number): Promise<void>;
  /** Removes sessions idle since before `idleBefore` or begun before `startedBefore`. */
  deleteEndedSessions(idleBefore: string, startedBefore: string): Promise<void>;
}

export interface MeldingDetail {
  id: number;
  ref: string;
  month: Month;
  category: 'enkelvoudig' | 'meervoudig';
  opeenvolgend: boolean;
  onLastMonth: boolean;
  /** Its personal data was removed after its retention term. */
  purged: boolean;
  decision: { kind: DecisionKind; reason: string; worker: string | null; decidedAt: string } | null;
  signals: Array<{
    signaalpartner: string;
    schuldeiser: string | null;
    bedragCents: number;
    signaaldatum: string;
    naam: string | null;
    adres: string;
    telefoon: string | null;
    email: string | null;
    /** Masked: only the last three digits. */
    bsn: string | null;
  }>;
  contacts: Array<ContactRecord & { recordedAt: string }>;
  result: { resultaat: string; referredTo: string | null; closedOn: IsoDate; source: 'medewerker' | 'triage' | 'sluiting' } | null;
  /** The household's other meldingen, oldest first. */
  history: Array<{ ref: string; month: Month; decision: DecisionKind | null; resultaat: string | null; opgevolgd: boolean }>;
}
