import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { missingLists, monthTable, periodTables } from '../../app/report-table.js';
import { describePeriod, parsePeriod } from '../../core/report/period.js';
import { describeGemeente, findGemeente, isMultiGemeente, resolveGemeenteOption, type Gemeente } from '../../core/gemeente.js';
import { formatExcelCsv } from '../../csv/excel-csv.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import {
  monthsCsvRows,
  MONTHS_CSV_HEADER,
  monthsJson,
  periodsCsvRows,
  PERIODS_CSV_HEADER,
  periodsJson,
  renderChart,
  renderMonthsCsv,
  renderMonthsMarkdown,
  renderMonthsText,
  renderPeriodsCsv,
  renderPeriodsMarkdown,
  renderPeriodsText,
} from '../../terminal/report-table.js';
import { withStore } from '../context.js';
import { parseFormat, parseOption, parsePeriodOptions } from '../options.js';

export interface TableOptions {
  from: string;
  to: string;
  compare?: string;
  perMonth?: boolean;
  format?: string;
  chart?: boolean;
  gemeente?: string;
}

export async function runTable(io: Io, options: TableOptions, command: Command): Promise<void> {
  const period = parsePeriodOptions(options);
  const compare = options.compare === undefined ? null : parseOption('--compare', options.compare, parsePeriod);
  const format = parseFormat(options.format, ['tabel', 'md', 'json', 'csv']);
  if (options.perMonth && compare !== null) {
    throw new UsageError('--per-month en --compare gaan niet samen.', { hint: 'Vraag de twee periodes per maand apart op.' });
  }
  await withStore(command, io, 'read', async (store) => {
    const known = await store.gemeenten();
    const colour = colourFor(io.stdout, io.env);
    const warn = colourFor(io.stderr, io.env);
    const periods = compare === null ? [period] : [period, compare];

    /** One gemeente's table (all of them when undefined), warning about months without a list. */
    const section = async (gemeente: Gemeente | undefined, label: string | null) => {
      for (const { period: p, missing } of await missingLists(store, periods, gemeente?.id)) {
        writeLine(
          io.stderr,
          `${warn.yellow('let op:')} ${label === null ? '' : `${label}: `}voor ${missing.join(', ')} (in ${describePeriod(p)}) is geen lijst ingelezen; die ${missing.length === 1 ? 'maand telt' : 'maanden tellen'} als 0 mee in de gemiddelden.`,
        );
      }
      if (options.perMonth) return { months: await monthTable(store, period, gemeente?.id), tables: null, chart: null };
      const tables = await periodTables(store, period, compare, gemeente?.id);
      return { months: null, tables, chart: options.chart && format === 'tabel' ? await monthTable(store, period, gemeente?.id) : null };
    };
    type Section = Awaited<ReturnType<typeof section>>;
    const render = (result: Section, firstHeader: string): string => {
      let text: string;
      if (result.months !== null) {
        if (format === 'json') text = `${JSON.stringify(monthsJson(result.months), null, 2)}\n`;
        else if (format === 'csv') text = renderMonthsCsv(result.months);
        else if (format === 'md') text = renderMonthsMarkdown(result.months);
        else text = renderMonthsText(result.months, colour);
        if (options.chart && format === 'tabel') text += `\n${renderChart(result.months, colour)}`;
        return text;
      }
      const tables = result.tables!;
      if (format === 'json') text = `${JSON.stringify(periodsJson(tables), null, 2)}\n`;
      else if (format === 'csv') text = renderPeriodsCsv(tables);
      else if (format === 'md') text = renderPeriodsMarkdown(tables, firstHeader);
      else text = renderPeriodsText(tables, colour, firstHeader);
      if (result.chart !== null) text += `\n${renderChart(result.chart, colour)}`;
      return text;
    };

    const chosen = gemeenteOfTable(known, options.gemeente);
    if (chosen.gemeente !== undefined || !isMultiGemeente(known)) {
      io.stdout.write(render(await section(chosen.gemeente, null), chosen.header));
      return;
    }
    // Several gemeenten: each gemeente's table, then their total.
    const parts: Array<{ gemeente: Gemeente | null; result: Section }> = [];
    for (const gemeente of known) parts.push({ gemeente, result: await section(gemeente, describeGemeente(gemeente)) });
    parts.push({ gemeente: null, result: await section(undefined, null) });
    const headerOf = (g: Gemeente | null) => (g === null ? 'Totaal alle gemeenten' : `Gemeente ${g.name ?? describeGemeente(g)}`);
    if (format === 'csv') {
      const header = ['gemeente', ...(options.perMonth ? MONTHS_CSV_HEADER : PERIODS_CSV_HEADER)];
      const rows = parts.flatMap(({ gemeente, result }) =>
        (result.months !== null ? monthsCsvRows(result.months) : periodsCsvRows(result.tables!)).map((row) => [
          gemeente === null ? 'totaal' : (gemeente.code ?? ''),
          ...row,
        ]),
      );
      io.stdout.write(formatExcelCsv(header, rows, { delimiter: ';' }));
    } else if (format === 'json') {
      const json = parts.map(({ gemeente, result }) => ({
        gemeente: gemeente === null ? 'totaal' : { code: gemeente.code, naam: gemeente.name },
        ...(result.months !== null ? (monthsJson(result.months) as object) : (periodsJson(result.tables!) as object)),
      }));
      writeLine(io.stdout, JSON.stringify({ gemeenten: json }, null, 2));
    } else {
      io.stdout.write(
        parts
          .map(({ gemeente, result }) =>
            result.months !== null ? `${headerOf(gemeente)}\n${render(result, '')}` : render(result, headerOf(gemeente)),
          )
          .join('\n'),
      );
    }
  });
}

/**
 * `--gemeente` of the table: the gemeente it names (code or name, "Gemeente Heemstede" too), whose
 * name then heads the table. On a database with one gemeente any other text is only the heading,
 * as it was before a database could hold several gemeenten.
 */
function gemeenteOfTable(known: readonly Gemeente[], text: string | undefined): { gemeente: Gemeente | undefined; header: string } {
  if (text === undefined) return { gemeente: undefined, header: '' };
  const found = findGemeente(known, text) ?? findGemeente(known, text.replace(/^\s*gemeente\s+/i, ''));
  if (found !== undefined) {
    const header = /^\d{4}$/.test(text.trim()) ? `Gemeente ${found.name ?? ''}`.trim() : text;
    return { gemeente: isMultiGemeente(known) ? found : undefined, header };
  }
  if (!isMultiGemeente(known)) return { gemeente: undefined, header: text };
  return { gemeente: resolveGemeenteOption(known, '--gemeente', text), header: text };
}
