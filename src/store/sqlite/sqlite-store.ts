import { EnvironmentError, EropafError } from '../../core/errors.js';
import { currentOsUser } from '../../terminal/os-user.js';
import type Database from 'better-sqlite3';
import type { Gemeente } from '../../core/gemeente.js';
import type { FindQuery, FoundHousehold } from '../../core/find.js';
import type { HandoverMove, OpenMelding } from '../../core/handover.js';
import type { MonthContents } from '../../core/month-removal.js';
import type { DdasMeldingInput } from '../../core/report/ddas.js';
import type { Period } from '../../core/report/period.js';
import type { RetentionCandidate } from '../../core/retention.js';
import type { StatsContact, StatsMelding, StatsSignal } from '../../core/report/stats.js';
import type { FollowUpCounts, MonthCounts } from '../../core/report/table.js';
import type { Decision, PlannedMonth } from '../../core/triage/types.js';
import type { IsoDate, Month } from '../../core/types.js';
import type { Role } from '../../core/accounts.js';
import type {
  AccountRecord,
  AuditContext,
  AuditEntry,
  AuditRecord,
  DeliveryDetails,
  DeliveryRecord,
  ContactRecord,
  GemeenteFilter,
  ImportSession,
  MeldingDetail,
  MeldingState,
  MonthOverview,
  PickupRecord,
  PriorImport,
  PurgeCounts,
  ResultRecord,
  SessionRecord,
  Store,
  TriageData,
  TriageRun,
  WorkerRecord,
  WorklistEntry,
  OpenCaseMember,
} from '../store.js';
import { SqliteAccounts } from './accounts.js';
import { SqliteFollowUp } from './followup.js';
import { SqliteMeldingDetail } from './melding-detail.js';
import { SqliteGemeenten } from './gemeenten.js';
import { SqliteMonths } from './months.js';
import { SqliteOpenWork } from './open-work.js';
import { SqliteFind } from './find.js';
import { storedDecisions } from './stored-decisions.js';
import { SqlitePrivacy } from './privacy.js';
import { SqliteReports } from './reports.js';
import { SqliteImportSession } from './import-session.js';
import { openDatabase, type OpenOptions } from './open.js';
import { translateSqliteError } from './sqlite-errors.js';
import { SqliteTriage } from './triage.js';
import { SqliteWorkers } from './workers.js';
import { SqliteWorklist } from './worklist.js';

/** How often a transaction that waits for another connection's write tries again. */
const LOCK_POLL_MS = 20;

/** Another connection is writing, and this transaction was not to wait for it. */
class Busy extends Error {}

/** The SQLite implementation of the storage port: a facade over one repository per concern. */
export class SqliteStore implements Store {
  private readonly workerRepo: SqliteWorkers;
  private readonly triageRepo: SqliteTriage;
  private readonly worklistRepo: SqliteWorklist;
  private readonly followUpRepo: SqliteFollowUp;
  private readonly reportRepo: SqliteReports;
  private readonly privacyRepo: SqlitePrivacy;
  private readonly accountRepo: SqliteAccounts;
  private readonly meldingDetailRepo: SqliteMeldingDetail;
  private readonly gemeenteRepo: SqliteGemeenten;
  private readonly monthRepo: SqliteMonths;
  private readonly openWorkRepo: SqliteOpenWork;
  private readonly findRepo: SqliteFind;

  private constructor(
    private readonly db: Database.Database,
    /** The database file: a second connection (the web app's import thread) opens it too. */
    readonly file: string,
    readonly readonly: boolean,
    /** The file mode when the database can be read by group or others, for a warning. */
    readonly tooOpenMode: number | null,
    /** Opening created the database file (first use). */
    readonly created: boolean,
    private readonly auditContext: AuditContext,
    private readonly closeDatabase: () => void,
  ) {
    this.workerRepo = new SqliteWorkers(db);
    this.triageRepo = new SqliteTriage(db);
    this.worklistRepo = new SqliteWorklist(db);
    this.followUpRepo = new SqliteFollowUp(db);
    this.reportRepo = new SqliteReports(db);
    this.privacyRepo = new SqlitePrivacy(db);
    this.accountRepo = new SqliteAccounts(db);
    this.meldingDetailRepo = new SqliteMeldingDetail(db);
    this.gemeenteRepo = new SqliteGemeenten(db);
    this.monthRepo = new SqliteMonths(db);
    this.openWorkRepo = new SqliteOpenWork(db);
    this.findRepo = new SqliteFind(db);
  }

  static open(file: string, options: OpenOptions & { audit?: AuditContext }): SqliteStore {
    const { db, tooOpenMode, created, close } = openDatabase(file, options);
    const audit = options.audit ?? { at: options.now(), osUser: currentOsUser(process.env), command: '(onbekend)', options: {} };
    return new SqliteStore(db, file, options.readonly, tooOpenMode, created, audit, close);
  }

  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.inTransaction(work, this.db.pragma('busy_timeout', { simple: true }) as number);
  }

  async transactionIfFree(work: (tx: Store) => Promise<void>): Promise<boolean> {
    try {
      await this.inTransaction(work, 0);
      return true;
    } catch (error) {
      if (error instanceof Busy) return false;
      throw error;
    }
  }

  private async inTransaction<T>(work: (tx: Store) => Promise<T>, waitMs: number): Promise<T> {
    if (this.db.inTransaction) throw new Error('SqliteStore.transaction cannot be nested');
    // better-sqlite3's transaction() cannot span awaits; one connection in one process makes a
    // hand-written BEGIN … COMMIT safe here. IMMEDIATE takes the write lock at once, so a
    // second eropaf waits (busy timeout) instead of failing halfway.
    try {
      await this.beginImmediate(waitMs);
      // One connection: the transaction's handle is this store itself.
      const result = await work(this);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error instanceof Busy ? error : translateSqliteError(error, this.file);
    }
  }

  /**
   * BEGIN IMMEDIATE, waiting for another connection's write (a second eropaf, or the web app's
   * import thread) without blocking this thread: SQLite's own busy wait would freeze every other
   * request of the web app meanwhile. Gives up after the connection's busy timeout, as SQLite would.
   */
  private async beginImmediate(waitMs: number): Promise<void> {
    const timeoutMs = this.db.pragma('busy_timeout', { simple: true }) as number;
    const deadline = Date.now() + waitMs;
    this.db.pragma('busy_timeout = 0');
    try {
      for (;;) {
        try {
          this.db.exec('BEGIN IMMEDIATE');
          return;
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) throw error;
          if (Date.now() >= deadline) throw waitMs === 0 ? new Busy() : error;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(LOCK_POLL_MS, Math.max(1, deadline - Date.now()))));
      }
    } finally {
      this.db.pragma(`busy_timeout = ${timeoutMs}`);
    }
  }

  async findImportByHash(sha256: string, gemeenteId?: number): Promise<PriorImport | undefined> {
    return this.db
      .prepare(
        `SELECT month, file_name AS fileName, imported_at AS importedAt FROM imports
         WHERE file_sha256 = ? AND (? IS NULL OR gemeente_id = ?) ORDER BY id DESC LIMIT 1`,
      )
      .get(sha256, gemeenteId ?? null, gemeenteId ?? null) as PriorImport | undefined;
  }

  async monthHasFollowUp(month: Month): Promise<boolean> {
    const row = this.db
      .prepare(
        `SELECT 1 FROM melding_status WHERE month = ? AND (contact_count > 0 OR result_source = 'medewerker') LIMIT 1`,
      )
      .get(month);
    return row !== undefined;
  }

  async openImportSession(gemeenteId: number | null): Promise<ImportSession> {
    return new SqliteImportSession(this.db, (work) => this.transaction(work), gemeenteId);
  }

  gemeenten(): Promise<Gemeente[]> {
    return this.gemeenteRepo.gemeenten();
  }

  addGemeente(gemeente: { code: string | null; name: string | null }): Promise<Gemeente> {
    return this.gemeenteRepo.addGemeente(gemeente);
  }

  nameGemeente(id: number, name: { code: string; name: string }): Promise<void> {
    return this.gemeenteRepo.nameGemeente(id, name);
  }

  workers(): Promise<WorkerRecord[]> {
    return this.workerRepo.workers();
  }

  addWorker(worker: { name: string; capacity: number; createdAt: string }): Promise<WorkerRecord> {
    return this.workerRepo.addWorker(worker);
  }

  updateWorker(id: number, change: { capacity?: number; active?: boolean }): Promise<void> {
    return this.workerRepo.updateWorker(id, change);
  }

  triageData(month: Month, repeatMonths: number, gemeenteIds?: readonly number[]): Promise<TriageData> {
    return this.triageRepo.triageData(month, repeatMonths, gemeenteIds);
  }

  triageRun(month: Month, gemeenteIds?: readonly number[]): Promise<TriageRun | undefined> {
    return this.triageRepo.triageRun(month, gemeenteIds);
  }

  applyTriage(
    plan: PlannedMonth,
    run: TriageRun,
    today: IsoDate,
    gemeenteIds?: readonly number[],
    shares?: ReadonlyMap<number, number>,
  ): Promise<void> {
    return this.triageRepo.applyTriage(plan, run, today, gemeenteIds, shares);
  }

  assignedElsewhere(month: Month, gemeenteIds: readonly number[]): Promise<Map<number, number>> {
    return this.triageRepo.assignedElsewhere(month, gemeenteIds);
  }

  worklist(month: Month | null, workerId: number | null, gemeenteId?: GemeenteFilter): Promise<WorklistEntry[]> {
    return this.worklistRepo.worklist(month, workerId, gemeenteId);
  }

  monthOverview(gemeenteId?: GemeenteFilter): Promise<MonthOverview[]> {
    return this.reportRepo.monthOverview(gemeenteId);
  }

  triagedMonths(): Promise<Month[]> {
    return this.reportRepo.triagedMonths();
  }

  meldingStates(refs: ReadonlyArray<{ month: Month; seq: number }>): Promise<MeldingState[]> {
    return this.followUpRepo.meldingStates(refs);
  }

  addContact(meldingId: number, contact: ContactRecord, recordedAt: string): Promise<void> {
    return this.followUpRepo.addContact(meldingId, contact, recordedAt);
  }

  setResult(meldingId: number, result: ResultRecord, recordedAt: string): Promise<void> {
    return this.followUpRepo.setResult(meldingId, result, recordedAt);
  }

  updateContact(contactId: number, contact: ContactRecord, recordedAt: string): Promise<void> {
    return this.followUpRepo.updateContact(contactId, contact, recordedAt);
  }

  deleteContact(contactId: number): Promise<void> {
    return this.followUpRepo.deleteContact(contactId);
  }

  deleteResult(meldingId: number): Promise<void> {
    return this.followUpRepo.deleteResult(meldingId);
  }

  leaveCase(meldingId: number): Promise<void> {
    return this.followUpRepo.leaveCase(meldingId);
  }

  pickUp(meldingId: number, pickup: PickupRecord, decidedAt: string): Promise<void> {
    return this.followUpRepo.pickUp(meldingId, pickup, decidedAt);
  }

  followUpCounts(period: Period, gemeenteId?: GemeenteFilter): Promise<Array<MonthCounts<FollowUpCounts>>> {
    return this.reportRepo.followUpCounts(period, gemeenteId);
  }

  monthCounts(period: Period, gemeenteId?: GemeenteFilter): Promise<MonthCounts[]> {
    return this.reportRepo.monthCounts(period, gemeenteId);
  }

  async storedDecisions(month: Month, gemeenteId?: GemeenteFilter): Promise<Decision[]> {
    return storedDecisions(this.db, month, gemeenteId);
  }

  findHouseholdIds(query: FindQuery, limit: number): Promise<number[]> {
    return this.findRepo.findHouseholdIds(query, limit);
  }

  foundHouseholds(ids: readonly number[]): Promise<FoundHousehold[]> {
    return this.findRepo.households(ids);
  }

  openWork(workerId: number): Promise<OpenMelding[]> {
    return this.openWorkRepo.openWork(workerId);
  }

  openCase(meldingId: number): Promise<OpenCaseMember[]> {
    return this.openWorkRepo.openCase(meldingId);
  }

  openLoad(): Promise<Map<number, number>> {
    return this.openWorkRepo.openLoad();
  }

  reassign(moves: readonly HandoverMove[]): Promise<void> {
    return this.openWorkRepo.reassign(moves);
  }

  monthContents(month: Month, gemeenteId?: GemeenteFilter): Promise<MonthContents> {
    return this.monthRepo.monthContents(month, gemeenteId);
  }

  deleteMonthList(month: Month, gemeenteId?: GemeenteFilter): Promise<void> {
    return this.monthRepo.deleteMonthList(month, gemeenteId);
  }

  importedMonths(gemeenteId?: GemeenteFilter): Promise<Set<Month>> {
    return this.reportRepo.importedMonths(gemeenteId);
  }

  pastContactTermCounts(listedBefore: string): Promise<Map<Month, number>> {
    return this.reportRepo.pastContactTermCounts(listedBefore);
  }

  ddasData(period: Period, gemeenteId?: GemeenteFilter): Promise<DdasMeldingInput[]> {
    return this.reportRepo.ddasData(period, gemeenteId);
  }

  statsData(
    period: Period,
    gemeenteId?: GemeenteFilter,
  ): Promise<{ meldingen: StatsMelding[]; signals: StatsSignal[]; contacts: StatsContact[] }> {
    return this.reportRepo.statsData(period, gemeenteId);
  }

  async settings(): Promise<Map<string, string>> {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    return new Map(rows.map((row) => [row.key, row.value]));
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  retentionCandidates(options?: { followedUpOnly: boolean }): Promise<RetentionCandidate[]> {
    return this.privacyRepo.retentionCandidates(options);
  }

  countNotFollowedUpBefore(month: Month): Promise<number> {
    return this.privacyRepo.countNotFollowedUpBefore(month);
  }

  purgePreview(meldingIds: readonly number[]): Promise<PurgeCounts> {
    return this.privacyRepo.purgePreview(meldingIds);
  }

  purgeMeldingen(meldingIds: readonly number[], purgedAt: string): Promise<PurgeCounts> {
    return this.privacyRepo.purgeMeldingen(meldingIds, purgedAt);
  }

  needsCompaction(): Promise<boolean> {
    return this.privacyRepo.needsCompaction();
  }

  async compact(): Promise<boolean> {
    try {
      return await this.privacyRepo.compact();
    } catch (error) {
      const cause = translateSqliteError(error, this.file);
      throw new EnvironmentError(
        `De persoonsgegevens zijn verwijderd, maar ${this.file} kon niet worden herschreven${cause instanceof EropafError ? ` (${cause.message})` : ''}; tot dan kunnen verwijderde waarden nog in het bestand staan.`,
        { hint: 'Zorg voor vrije schijfruimte (zo groot als de database) en voer "eropaf purge" opnieuw uit; dat maakt het af.' },
      );
    }
  }

  purgedMonths(period: Period): Promise<Month[]> {
    return this.privacyRepo.purgedMonths(period);
  }

  deliveries(): Promise<DeliveryRecord[]> {
    return this.privacyRepo.deliveries();
  }

  recordDelivery(kind: string, period: Period, deliveredAt: string, details?: DeliveryDetails): Promise<void> {
    return this.privacyRepo.recordDelivery(kind, period, deliveredAt, details);
  }

  periodChangedSince(period: Period, since: string): Promise<boolean> {
    return this.privacyRepo.periodChangedSince(period, since);
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return this.privacyRepo.appendAudit({ ...this.auditContext, counts: entry.counts, inputSha256: entry.inputSha256 ?? null });
  }

  auditRecords(since: string | null): Promise<AuditRecord[]> {
    return this.privacyRepo.auditRecords(since);
  }

  auditOfMelding(ref: string): Promise<AuditRecord[]> {
    return this.privacyRepo.auditOfMelding(ref);
  }

  withAudit(context: AuditContext): SqliteStore {
    return new SqliteStore(this.db, this.file, this.readonly, this.tooOpenMode, this.created, context, this.closeDatabase);
  }

  meldingDetail(ref: { month: Month; seq: number }): Promise<MeldingDetail | undefined> {
    return this.meldingDetailRepo.meldingDetail(ref);
  }

  accounts(): Promise<AccountRecord[]> {
    return this.accountRepo.accounts();
  }

  accountByName(name: string): Promise<(AccountRecord & { passwordHash: string }) | undefined> {
    return this.accountRepo.accountByName(name);
  }

  addAccount(account: { name: string; role: Role; workerId: number | null; passwordHash: string; createdAt: string }): Promise<AccountRecord> {
    return this.accountRepo.addAccount(account);
  }

  updateAccount(id: number, change: { active?: boolean; passwordHash?: string; lockedUntil?: string | null }): Promise<void> {
    return this.accountRepo.updateAccount(id, change);
  }

  addLoginFailure(accountId: number, at: string): Promise<void> {
    return this.accountRepo.addLoginFailure(accountId, at);
  }

  countLoginFailures(accountId: number, since: string): Promise<number> {
    return this.accountRepo.countLoginFailures(accountId, since);
  }

  clearLoginFailures(accountId: number): Promise<void> {
    return this.accountRepo.clearLoginFailures(accountId);
  }

  addSession(session: SessionRecord): Promise<void> {
    return this.accountRepo.addSession(session);
  }

  session(idHash: string): Promise<{ session: SessionRecord; account: AccountRecord } | undefined> {
    return this.accountRepo.session(idHash);
  }

  touchSession(idHash: string, at: string): Promise<void> {
    return this.accountRepo.touchSession(idHash, at);
  }

  deleteSession(idHash: string): Promise<void> {
    return this.accountRepo.deleteSession(idHash);
  }

  deleteSessionsOf(accountId: number): Promise<void> {
    return this.accountRepo.deleteSessionsOf(accountId);
  }

  deleteEndedSessions(idleBefore: string, startedBefore: string): Promise<void> {
    return this.accountRepo.deleteEndedSessions(idleBefore, startedBefore);
  }

  async close(): Promise<void> {
    this.closeDatabase();
  }
}
