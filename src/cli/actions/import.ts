import fs from 'node:fs';
import type { Command } from 'commander';
import { importList, resolveImportMonth, type ImportOptions } from '../../app/import-list.js';
import { UsageError } from '../../core/errors.js';
import { describeGemeente, isMultiGemeente } from '../../core/gemeente.js';
import { FIELDS, type Field } from '../../core/import/headers.js';
import { parseDelimiterOption } from '../../csv/delimiter.js';
import { parseEncodingOption } from '../../csv/encoding.js';
import { importWarnings, renderAlreadyImported, renderImportSummary } from '../../terminal/import-summary.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { progressBar } from '../../terminal/progress.js';
import { inCwd, now, today, withStore } from '../context.js';
import { remindPastTerm } from '../reminders.js';
import { parseFormat, parseMonth } from '../options.js';
import { OPEENVOLGEND_MONTHS } from '../../core/import/melding.js';
import { addMonths } from '../../core/month.js';

export interface ImportCommandOptions {
  month?: string;
  gemeente?: string;
  dryRun?: boolean;
  replace?: boolean;
  aanvulling?: boolean;
  force?: boolean;
  skipInvalid?: boolean;
  rejects?: string;
  encoding?: string;
  delimiter?: string;
  map?: string;
  format?: string;
}

const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;

export async function runImport(io: Io, given: string, options: ImportCommandOptions, command: Command): Promise<void> {
  const file = inCwd(io, given);
  const format = parseFormat(options.format, ['tekst', 'json']);
  if (options.force && !options.replace) {
    throw new UsageError('--force hoort bij --replace.', { hint: 'Gebruik --replace --force, of laat --force weg.' });
  }
  if (options.aanvulling && options.replace) {
    throw new UsageError('--aanvulling en --replace sluiten elkaar uit.', {
      hint: 'Kies --aanvulling (alleen nieuwe signalen toevoegen) of --replace (de lijst van de maand vervangen).',
    });
  }
  const month = resolveImportMonth({
    file,
    ...(options.month !== undefined && { month: parseMonth('--month', options.month) }),
  });
  const progress = progressBar(io.stderr, 'inlezen', { minTotal: PROGRESS_MIN_BYTES });
  const importOptions: ImportOptions = {
    file,
    month,
    ...(options.gemeente !== undefined && { gemeente: options.gemeente }),
    dryRun: options.dryRun === true,
    replace: options.replace === true,
    force: options.force === true,
    aanvulling: options.aanvulling === true,
    skipInvalid: options.skipInvalid === true,
    ...(options.rejects !== undefined && { rejectsFile: inCwd(io, options.rejects) }),
    ...(options.encoding !== undefined && { encoding: parseEncodingOption(options.encoding) }),
    ...(options.delimiter !== undefined && { delimiter: parseDelimiterOption(options.delimiter) }),
    ...(options.map !== undefined && { customMap: await readHeaderMap(inCwd(io, options.map)) }),
    today: today(io),
    now: () => now(io),
    onProgress: (done, total) => progress.update(done, total),
  };

  await withStore(command, io, importOptions.dryRun ? 'dry-run' : 'write', async (store) => {
    const outcome = await importList(store, importOptions);
    progress.finish();
    if (outcome.kind === 'already-imported') {
      if (format === 'json') {
        writeLine(io.stdout, JSON.stringify({ alreadyImported: true, file: outcome.file, ...outcome.prior }, null, 2));
      } else {
        io.stdout.write(renderAlreadyImported(outcome.file, outcome.prior));
      }
      return;
    }
    const { summary } = outcome;
    // With several gemeenten the output names whose list it was; with one it stays as it was.
    const named = outcome.gemeente !== null && isMultiGemeente(await store.gemeenten()) ? outcome.gemeente : null;
    if (format === 'json') {
      const gemeente = named === null ? {} : { gemeente: { code: named.code, naam: named.name } };
      writeLine(io.stdout, JSON.stringify({ ...gemeente, ...summary }, null, 2));
    } else {
      if (named !== null) writeLine(io.stdout, `Gemeente: ${describeGemeente(named)}`);
      io.stdout.write(renderImportSummary(summary, colourFor(io.stdout, io.env)));
    }
    const colour = colourFor(io.stderr, io.env);
    for (const warning of importWarnings(summary)) writeLine(io.stderr, `${colour.yellow('let op:')} ${warning}`);
    const history = { from: addMonths(summary.month, -OPEENVOLGEND_MONTHS), to: addMonths(summary.month, -1) };
    const purged = await store.purgedMonths(history);
    if (purged.length > 0) {
      writeLine(
        io.stderr,
        `${colour.yellow('let op:')} van ${purged.join(', ')} zijn de adressen al opgeschoond; huishoudens van toen zijn niet meer te herkennen, dus "opeenvolgend" en "op lijst vorige maand" kunnen voor ${summary.month} te laag zijn. Lees lijsten in binnen hun bewaartermijn.`,
      );
    }
    await remindPastTerm(store, io);
  }).finally(() => progress.finish());
}

/** Reads a `--map` file: `{"Header in the file": "field"}`. */
async function readHeaderMap(file: string): Promise<Map<string, Field>> {
  const example = 'Een koppelbestand ziet er zo uit: {"Kolomnaam in uw bestand": "bedrag"}.';
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'bestaat niet' : code === 'EISDIR' ? 'is een map' : `kan niet worden gelezen (${code ?? 'onbekende fout'})`;
    throw new UsageError(`Het koppelbestand ${file} ${reason}.`, { hint: example });
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    throw new UsageError(`Het koppelbestand ${file} is geen geldige JSON.`, { hint: example });
  }
  // zod takes a tenth of a second to load: only an import with --map pays for it.
  const { z } = await import('zod');
  const parsed = z.record(z.string(), z.enum(FIELDS)).safeParse(content);
  if (!parsed.success) {
    throw new UsageError(`Het koppelbestand ${file} koppelt aan een onbekend veld.`, {
      details: [`Bekende velden: ${FIELDS.join(', ')}`],
      hint: 'Gebruik als waarde een van de bekende velden, bijvoorbeeld {"Dossier": "signaal_id"}.',
    });
  }
  return new Map(Object.entries(parsed.data));
}
