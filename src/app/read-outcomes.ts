import fs from 'node:fs';
import path from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import type { FollowUpEntry, FollowUpPlan } from '../core/followup-plan.js';
import { describeProblem } from '../core/import/problems.js';
import { mapOutcomeHeaders, parseOutcomeRow, type OutcomeHeaderMap } from '../core/outcome-row.js';
import type { IsoDate } from '../core/types.js';
import { detectDelimiter, type Delimiter } from '../csv/delimiter.js';
import type { Encoding } from '../csv/encoding.js';
import { inspectFile } from '../csv/inspect.js';
import { readRecords } from '../csv/read-records.js';
import type { Store } from '../store/store.js';
import { recordFollowUp, type EntrySource, type FollowUpProblem } from './record-followup.js';

export interface OutcomesOptions {
  file: string;
  encoding?: Encoding;
  delimiter?: Delimiter;
  dryRun: boolean;
  today: IsoDate;
  now: () => string;
}

export interface OutcomesSummary {
  file: string;
  dryRun: boolean;
  rowsRead: number;
  /** Rows with something filled in. */
  rowsFilled: number;
  plan: FollowUpPlan;
}

const PROBLEMS_SHOWN = 50;

/**
 * Reads a filled-in worklist back. Every row is checked before anything is recorded; one bad
 * row stops the whole file, with every problem named.
 */
export async function readOutcomes(store: Store, options: OutcomesOptions): Promise<OutcomesSummary> {
  if (!fs.existsSync(options.file)) {
    throw new UsageError(`Het bestand ${options.file} bestaat niet.`, { hint: 'Controleer de naam en de map van het bestand.' });
  }
  const fileName = path.basename(options.file);
  const inspection = await inspectFile(options.file, options.encoding === undefined ? {} : { encoding: options.encoding });
  const delimiter = options.delimiter ?? detectDelimiter(inspection.firstLine);

  const entries: Array<{ entry: FollowUpEntry; source: EntrySource; file: string }> = [];
  const problems: FollowUpProblem[] = [];
  let map: OutcomeHeaderMap | null = null;
  let rowsRead = 0;
  for await (const record of readRecords(options.file, { encoding: inspection.encoding, bomLength: inspection.bomLength, delimiter })) {
    if (map === null) {
      map = mapOutcomeHeaders(record.fields);
      continue;
    }
    if (record.fields.every((cell) => cell.trim() === '')) continue;
    rowsRead += 1;
    const result = parseOutcomeRow(record.fields, record.line, map, options.today);
    if (!result.ok) {
      for (const problem of result.problems) problems.push({ line: problem.line, text: describeProblem(fileName, problem) });
    } else if (result.entry !== null) {
      const header = map.headers[map.index.get('melding') ?? -1] ?? 'melding';
      entries.push({ entry: result.entry, source: { line: record.line, header }, file: fileName });
    }
  }
  if (map === null) throw new DataError(`${fileName} is leeg.`, { hint: 'Kies de ingevulde werklijst.' });
  // Every problem of the file in one pass: the rows' format, and then what the stored meldingen
  // say of the rows that could be read (unknown, not picked up, wrong month, results that disagree).
  const plan = await recordFollowUp(store, entries, {
    dryRun: options.dryRun,
    now: options.now,
    today: options.today,
    inputSha256: inspection.sha256,
    earlierProblems: problems,
    refuse: (all, hints) =>
      new DataError(`${all.length} ${all.length === 1 ? 'fout' : 'fouten'} in ${fileName}; er is niets vastgelegd.`, {
        details: [
          ...all.slice(0, PROBLEMS_SHOWN).map((p) => p.text),
          ...(all.length > PROBLEMS_SHOWN ? [`… en nog ${all.length - PROBLEMS_SHOWN} andere fouten.`] : []),
        ],
        hint: [
          ...hints,
          'Verbeter de cellen in Excel, sla het bestand op en lees het opnieuw in; wat al was vastgelegd, wordt niet dubbel vastgelegd.',
        ].join(' '),
      }),
  });
  return { file: fileName, dryRun: options.dryRun, rowsRead, rowsFilled: entries.length, plan };
}
