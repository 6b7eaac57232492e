import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { missingLists, monthTable, periodTables } from '../../app/report-table.js';
import { describePeriod, parsePeriod } from '../../core/report/period.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import {
  monthsJson,
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
  const firstHeader = options.gemeente ?? '';
  await withStore(command, io, 'read', async (store) => {
    const periods = compare === null ? [period] : [period, compare];
    const colour = colourFor(io.stdout, io.env);
    const warn = colourFor(io.stderr, io.env);
    for (const { period: p, missing } of await missingLists(store, periods)) {
      writeLine(
        io.stderr,
        `${warn.yellow('let op:')} voor ${missing.join(', ')} (in ${describePeriod(p)}) is geen lijst ingelezen; die ${missing.length === 1 ? 'maand telt' : 'maanden tellen'} als 0 mee in de gemiddelden.`,
      );
    }
    if (options.perMonth) {
      const rows = await monthTable(store, period);
      if (format === 'json') writeLine(io.stdout, JSON.stringify(monthsJson(rows), null, 2));
      else if (format === 'csv') io.stdout.write(renderMonthsCsv(rows));
      else if (format === 'md') io.stdout.write(renderMonthsMarkdown(rows));
      else io.stdout.write(renderMonthsText(rows, colour));
      if (options.chart && format === 'tabel') io.stdout.write(`\n${renderChart(rows, colour)}`);
      return;
    }
    const tables = await periodTables(store, period, compare);
    if (format === 'json') writeLine(io.stdout, JSON.stringify(periodsJson(tables), null, 2));
    else if (format === 'csv') io.stdout.write(renderPeriodsCsv(tables));
    else if (format === 'md') io.stdout.write(renderPeriodsMarkdown(tables, firstHeader));
    else io.stdout.write(renderPeriodsText(tables, colour, firstHeader));
    if (options.chart && format === 'tabel') {
      io.stdout.write(`\n${renderChart(await monthTable(store, period), colour)}`);
    }
  });
}
