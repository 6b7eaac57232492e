import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { describePeriod, parsePeriod, type Period } from '../../core/report/period.js';
import { missingMonths, monthRows, periodTable } from '../../core/report/table.js';
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

interface TableOptions {
  from: string;
  to: string;
  compare?: string;
  perMonth?: boolean;
  format?: string;
  chart?: boolean;
  gemeente?: string;
}

export function registerTable(program: Command, io: Io): void {
  program
    .command('table')
    .alias('tabel')
    .description('De tabel ontvangen/opgevolgd per periode (zoals in de halfjaarrapportage), of per maand.')
    .usage('--from JJJJ-MM --to JJJJ-MM [opties]')
    .requiredOption('--from <JJJJ-MM>', 'de eerste maand van de periode')
    .requiredOption('--to <JJJJ-MM>', 'de laatste maand van de periode')
    .option('--compare <JJJJ-MM:JJJJ-MM>', 'zet er een tweede periode naast, bv. 2021-05:2021-12')
    .option('--per-month', 'per maand en categorie: ontvangen, opgevolgd, open en uitgesteld')
    .option('--format <vorm>', 'tabel (standaard), md (om te plakken in het rapport), json of csv')
    .option('--chart', 'met een staafje per maand (ontvangen tegen opgevolgd)')
    .option('--gemeente <naam>', 'de naam boven de eerste kolom, bv. "Gemeente Heemstede"')
    .action(async (options: TableOptions, command: Command) => {
      const period = parsePeriodOptions(options);
      const compare = options.compare === undefined ? null : parseOption('--compare', options.compare, parsePeriod);
      const format = parseFormat(options.format, ['tabel', 'md', 'json', 'csv']);
      if (options.perMonth && compare !== null) {
        throw new UsageError('--per-month en --compare gaan niet samen.', { hint: 'Vraag de twee periodes per maand apart op.' });
      }
      const firstHeader = options.gemeente ?? '';
      await withStore(command, io, 'read', async (store) => {
        const imported = await store.importedMonths();
        const periods = compare === null ? [period] : [period, compare];
        const colour = colourFor(io.stdout, io.env);
        const warn = colourFor(io.stderr, io.env);
        for (const p of periods) {
          const missing = missingMonths(p, imported);
          if (missing.length > 0) {
            writeLine(
              io.stderr,
              `${warn.yellow('let op:')} voor ${missing.join(', ')} (in ${describePeriod(p)}) is geen lijst ingelezen; die ${missing.length === 1 ? 'maand telt' : 'maanden tellen'} als 0 mee in de gemiddelden.`,
            );
          }
        }
        const counts = await store.monthCounts(compare === null ? period : spanning(period, compare));
        if (options.perMonth) {
          const rows = monthRows(period, counts, imported);
          if (format === 'json') writeLine(io.stdout, JSON.stringify(monthsJson(rows), null, 2));
          else if (format === 'csv') io.stdout.write(renderMonthsCsv(rows));
          else if (format === 'md') io.stdout.write(renderMonthsMarkdown(rows));
          else io.stdout.write(renderMonthsText(rows, colour));
          if (options.chart && format === 'tabel') io.stdout.write(`\n${renderChart(rows, colour)}`);
          return;
        }
        const tables = periods.map((p) => periodTable(p, counts, imported));
        if (format === 'json') writeLine(io.stdout, JSON.stringify(periodsJson(tables), null, 2));
        else if (format === 'csv') io.stdout.write(renderPeriodsCsv(tables));
        else if (format === 'md') io.stdout.write(renderPeriodsMarkdown(tables, firstHeader));
        else io.stdout.write(renderPeriodsText(tables, colour, firstHeader));
        if (options.chart && format === 'tabel') io.stdout.write(`\n${renderChart(monthRows(period, counts, imported), colour)}`);
      });
    });
}

/** The smallest period that holds both, so one query serves both tables. */
function spanning(a: Period, b: Period): Period {
  return { from: a.from < b.from ? a.from : b.from, to: a.to > b.to ? a.to : b.to };
}
