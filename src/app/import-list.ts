import fs from 'node:fs';
import path from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import type { Field } from '../core/import/headers.js';
import type { RowProblem } from '../core/import/normalise-row.js';
import { planHousehold } from '../core/import/plan-household.js';
import { conflictingIdProblem, describeProblem, rejectionReason } from '../core/import/problems.js';
import {
  addFarDated,
  addHouseholdPlan,
  bucketTotal,
  emptySummary,
  type ImportSummary,
} from '../core/import/summary.js';
import { lostFollowUpRefusal, planReplacement } from '../core/import/replace.js';
import { secondListRefusal } from '../core/import/second-list.js';
import { monthFromFileName, monthIndex } from '../core/month.js';
import type { IsoDate, Month } from '../core/types.js';
import { detectDelimiter, type Delimiter } from '../csv/delimiter.js';
import type { Encoding } from '../csv/encoding.js';
import { inspectFile, type FileInspection } from '../csv/inspect.js';
import { gemeenteOfImport, type Gemeente } from '../core/gemeente.js';
import type { ImportSession, PriorImport, RejectedRow, Store } from '../store/store.js';
import { unpackRows } from './import/read-list.js';
import { readListInBackground } from './import/read-list-in-background.js';
import { writeRejects } from './write-rejects.js';

export interface ImportOptions {
  file: string;
  month?: Month;
  /** `--gemeente`: the code or name of the gemeente whose list this is (see core/gemeente.ts gemeenteOfImport) */
  gemeente?: string;
  dryRun: boolean;
  replace: boolean;
  force: boolean;
  /** `--aanvulling`: the file is a supplementary list for a month that already has one. */
  aanvulling?: boolean;
  skipInvalid: boolean;
  rejectsFile?: string;
  encoding?: Encoding;
  delimiter?: Delimiter;
  customMap?: ReadonlyMap<string, Field>;
  today: IsoDate;
  now: () => string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export type ImportOutcome =
  | { kind: 'already-imported'; file: string; prior: PriorImport }
  /** `gemeente`: whose list it was; null when the import made the first gemeente of the database */
  | { kind: 'imported'; summary: ImportSummary; gemeente: Gemeente | null };

/** How many problems an error message lists; the rest is counted (and all are in the rejects file). */
const PROBLEMS_SHOWN = 50;
const STAGE_BATCH = 5_000;
const HOUSEHOLD_BATCH = 2_000;
/** How many lines of changed amounts a summary names. */
const FIRST_LINES_SHOWN = 10;

/**
 * The list's month and a check that the file exists: both are settled before the database is
 * opened, so that a mistyped command leaves nothing behind.
 */
export function resolveImportMonth(options: Pick<ImportOptions, 'file' | 'month'>): Month {
  const fileName = path.basename(options.file);
  const month = options.month ?? monthFromFileName(fileName);
  if (month === null) {
    throw new UsageError(`Uit de bestandsnaam ${fileName} blijkt niet om welke maand het gaat.`, {
      hint: 'Geef de maand op met --month JJJJ-MM, bijvoorbeeld --month 2022-03.',
    });
  }
  if (!fs.existsSync(options.file)) {
    throw new UsageError(`Het bestand ${options.file} bestaat niet.`, {
      hint: 'Controleer de naam en de map van het bestand.',
    });
  }
  return month;
}

/**
 * Imports one monthly list. The file is read once into a staging area, then planned household
 * by household; a dry run computes the same plans and applies none of them.
 */
export async function importList(store: Store, options: ImportOptions): Promise<ImportOutcome> {
  const fileName = path.basename(options.file);
  const month = resolveImportMonth(options);
  if (options.rejectsFile !== undefined && sameFile(options.rejectsFile, options.file)) {
    throw new UsageError(`--rejects ${options.rejectsFile} is het invoerbestand zelf; dat zou worden overschreven.`, {
      hint: 'Kies een andere naam voor het bestand met de afgewezen regels, of laat --rejects weg.',
    });
  }
  const gemeente = gemeenteOfImport(await store.gemeenten(), options.gemeente, fileName);
  const inspection = await inspectFile(options.file, options.encoding === undefined ? {} : { encoding: options.encoding });

  if (!options.replace) {
    const prior = await store.findImportByHash(inspection.sha256, gemeente?.id);
    if (prior) return { kind: 'already-imported', file: fileName, prior };
  }

  const session = await store.openImportSession(gemeente?.id ?? null);
  try {
    return { kind: 'imported', summary: await runImport(store, session, options, inspection, fileName, month, gemeente), gemeente };
  } finally {
    session.dispose();
  }
}

async function runImport(
  store: Store,
  session: ImportSession,
  options: ImportOptions,
  inspection: FileInspection,
  fileName: string,
  month: Month,
  gemeente: Gemeente | null,
): Promise<ImportSummary> {
  const delimiter = options.delimiter ?? detectDelimiter(inspection.firstLine);
  const listMonth = monthIndex(month);
  const shownProblems: string[] = [];
  let problemCount = 0;
  const noteProblems = (problems: readonly RowProblem[]): void => {
    for (const problem of problems) {
      problemCount += 1;
      if (shownProblems.length < PROBLEMS_SHOWN) shownProblems.push(describeProblem(fileName, problem));
    }
  };

  let summary: ImportSummary | null = null;
  let signaalIdHeader = 'signaal_id';
  let rejects: RejectedRow[] = [];
  // Read and normalised in a worker thread; this thread stages each batch as it arrives.
  const batches = readListInBackground({
    file: options.file,
    encoding: inspection.encoding,
    bomLength: inspection.bomLength,
    delimiter,
    customMap: [...(options.customMap ?? new Map<string, Field>())],
    today: options.today,
    month,
  });
  for await (const message of batches) {
    if (message.kind === 'header') {
      signaalIdHeader = message.signaalIdHeader;
      summary = emptySummary({
        file: fileName,
        month,
        dryRun: options.dryRun,
        replaced: options.replace,
        ignoredColumns: message.ignored,
      });
      continue;
    }
    summary!.rowsRead += message.rowsRead;
    for (const { line, problems } of message.rejected) {
      noteProblems(problems);
      summary!.signals.rejected += 1;
      rejects.push({ line, reason: rejectionReason(problems) });
    }
    for (const line of message.farDatedLines) addFarDated(summary!, line);
    summary!.farDated.count += message.farDatedCount - message.farDatedLines.length;
    if (message.count > 0) await session.stage(unpackRows(message));
    if (rejects.length >= STAGE_BATCH) {
      await session.reject(rejects);
      rejects = [];
    }
    options.onProgress?.(message.bytesRead, inspection.size);
  }
  await session.reject(rejects);

  if (summary === null) {
    throw new DataError(`${fileName} bevat geen kopregel en geen signalen.`, {
      hint: 'Controleer of u het goede bestand heeft gekozen.',
    });
  }
  if (summary.rowsRead === 0) {
    throw new DataError(`${fileName} bevat alleen een kopregel en geen signalen.`, {
      hint: 'Controleer of u het goede bestand heeft gekozen, of de gemeente de lijst volledig heeft geëxporteerd.',
    });
  }

  const conflicts = await session.conflictingIds(month, { ignoreMonth: options.replace });
  const conflictRejects = conflicts.map(({ line, signaalId }) => {
    const problem = conflictingIdProblem(line, signaalIdHeader, signaalId);
    noteProblems([problem]);
    return { line, reason: rejectionReason([problem]) };
  });
  await session.unstage(conflictRejects);
  summary.signals.rejected += conflictRejects.length;

  if (problemCount > 0 && !options.skipInvalid) {
    const rows = summary.signals.rejected;
    throw new DataError(
      `${rows} ${rows === 1 ? 'regel' : 'regels'} in ${fileName} ${rows === 1 ? 'klopt' : 'kloppen'} niet; er is niets ingelezen.`,
      {
        details: [
          ...shownProblems,
          ...(problemCount > shownProblems.length ? [`… en nog ${problemCount - shownProblems.length} andere fouten.`] : []),
        ],
        hint: 'Verbeter de regels en lees het bestand opnieuw in, of gebruik --skip-invalid om de goede regels in te lezen; de afgewezen regels komen dan met de reden in een apart bestand.',
      },
    );
  }

  // A corrected list for a month already worked on keeps the work of the households still on
  // it; only follow-up of households no longer on it is lost, and only with --force.
  const replacement = options.replace ? planReplacement(await session.replacementCandidates(month)) : null;
  if (replacement !== null) {
    const changed = await session.changedAmounts(month);
    summary.replacement = {
      carried: replacement.carried.length,
      changedAmounts: { count: changed.length, firstLines: changed.slice(0, FIRST_LINES_SHOWN) },
      lost: replacement.lost,
    };
    if (replacement.lost.length > 0 && !options.force && !options.dryRun) throw lostFollowUpRefusal(month, replacement.lost);
  }

  const rejectsFile =
    summary.signals.rejected > 0 ? (options.rejectsFile ?? defaultRejectsFile(options.file)) : null;
  summary.rejectsFile = rejectsFile;
  const planBatches = session.households(month, { batchSize: HOUSEHOLD_BATCH, ignoreMonth: options.replace });
  const monthHasList = !options.replace && gemeente !== null && (await store.importedMonths(gemeente.id)).has(month);
  const refuseSilentMerge = (planned: ImportSummary): void => {
    const refusal = secondListRefusal({
      month,
      monthHasList,
      newSignals: planned.signals.new,
      aanvulling: options.aanvulling === true,
      replace: options.replace,
    });
    if (refusal !== null) throw refusal;
  };

  if (options.dryRun || store.readonly) {
    for await (const situations of planBatches) {
      for (const situation of situations) addHouseholdPlan(summary, planHousehold(situation, listMonth));
    }
    assertEveryRowInOneBucket(summary);
    refuseSilentMerge(summary);
  } else {
    const done = summary;
    await session.transaction(async (writer) => {
      if (replacement !== null) await writer.deleteMonth(month, replacement.carried);
      // The first list of a new database makes its gemeente, without code and name until they are given.
      const gemeenteId = gemeente?.id ?? (await store.addGemeente({ code: null, name: null })).id;
      await writer.recordImport({
        month,
        gemeenteId,
        fileName,
        fileSha256: inspection.sha256,
        importedAt: options.now(),
        replacedMonth: options.replace,
      });
      for await (const situations of planBatches) {
        const plans = situations.map((situation) => planHousehold(situation, listMonth));
        for (const plan of plans) addHouseholdPlan(done, plan);
        await writer.applyHouseholds(month, plans);
      }
      if (replacement !== null) await writer.carryOver();
      assertEveryRowInOneBucket(done);
      refuseSilentMerge(done);
      await writer.refreshLaterFlags(month);
      await store.appendAudit({ counts: auditCounts(done), inputSha256: inspection.sha256 });
      await writer.finishImport({
        rowsRead: done.rowsRead,
        signalsNew: done.signals.new,
        signalsDuplicate: done.signals.duplicateInFile + done.signals.duplicateKnown,
        rowsRejected: done.signals.rejected,
      });
      // Written before the commit: if the rejects cannot be written, nothing is imported.
      if (rejectsFile !== null) {
        await writeRejects({ input: options.file, inspection, delimiter, output: rejectsFile, session });
      }
    });
  }
  return summary;
}

function auditCounts(summary: ImportSummary): Record<string, number> {
  return {
    regels: summary.rowsRead,
    nieuw: summary.signals.new,
    dubbel: summary.signals.duplicateInFile + summary.signals.duplicateKnown,
    afgewezen: summary.signals.rejected,
    meldingen_nieuw: summary.meldingen.created,
    meldingen_aangevuld: summary.meldingen.updated,
  };
}

/** A broken promise here is a bug in eropaf, so it aborts the import before anything is committed. */
function assertEveryRowInOneBucket(summary: ImportSummary): void {
  if (bucketTotal(summary) !== summary.rowsRead) {
    throw new Error(`import bookkeeping: ${bucketTotal(summary)} rows in buckets, ${summary.rowsRead} read`);
  }
}

/** Whether two paths name one file (also through a link); the second one exists. */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

function defaultRejectsFile(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.afgewezen.csv`);
}
