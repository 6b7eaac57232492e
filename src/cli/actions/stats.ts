import type { Command } from 'commander';
import { readPeriodStats } from '../../app/period-stats.js';
import { missingMonths } from '../../core/report/table.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderStatsCsv, renderStatsMarkdown, renderStatsText, statsRows } from '../../terminal/stats-report.js';
import { today, withStore } from '../context.js';
import { parseFormat, parsePeriodOptions } from '../options.js';
import { gemeenteFilter } from '../gemeente-option.js';

export interface StatsOptions {
  from: string;
  to: string;
  format?: string;
  gemeente?: string;
}

export async function runStats(io: Io, options: StatsOptions, command: Command): Promise<void> {
  const period = parsePeriodOptions(options);
  const format = parseFormat(options.format, ['tabel', 'md', 'json', 'csv']);
  await withStore(command, io, 'read', async (store) => {
    const gemeente = await gemeenteFilter(store, options.gemeente);
    const missing = missingMonths(period, await store.importedMonths(gemeente?.id));
    if (missing.length > 0) {
      writeLine(
        io.stderr,
        `${colourFor(io.stderr, io.env).yellow('let op:')} voor ${missing.join(', ')} is geen lijst ingelezen; die maanden tellen niet mee in de cijfers.`,
      );
    }
    const stats = await readPeriodStats(store, period, today(io), gemeente?.id);
    const names = new Map((await store.workers()).map((w) => [w.id, w.name]));
    if (format === 'json') {
      const perWorker = stats.perWorker.map((w) => ({ ...w, naam: names.get(w.workerId) ?? null }));
      writeLine(io.stdout, JSON.stringify({ periode: period, ...stats, perWorker }, null, 2));
      return;
    }
    const rows = statsRows(stats, names);
    if (format === 'csv') io.stdout.write(renderStatsCsv(rows));
    else if (format === 'md') io.stdout.write(renderStatsMarkdown(period, rows));
    else io.stdout.write(renderStatsText(period, rows, colourFor(io.stdout, io.env)));
  });
}
