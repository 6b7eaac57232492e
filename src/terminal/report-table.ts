import type { ChalkInstance } from 'chalk';
import { describePeriod, periodLabel } from '../core/report/period.js';
import type { MonthRow, PeriodTable, TableCategory } from '../core/report/table.js';
import { formatExcelCsv } from '../csv/excel-csv.js';
import { renderTable } from './table.js';

// The received/opgevolgd table in each output format. The layout follows the table the
// organisation publishes: per period ontvangen, gem./mnd, opgevolgd, gem./mnd.

const CATEGORY_LABEL: Record<TableCategory, string> = {
  enkelvoudig: 'enkelvoudig',
  meervoudig: 'meervoudig',
  totaal: 'Totaal',
};
const PERIOD_COLUMNS = ['ontvangen', 'gem./mnd', 'opgevolgd', 'gem./mnd'];

function periodCells(table: PeriodTable, category: TableCategory): string[] {
  const row = table.rows.find((r) => r.category === category)!;
  return [row.received, row.receivedPerMonth, row.followedUp, row.followedUpPerMonth].map(String);
}

export function renderPeriodsText(tables: readonly PeriodTable[], colour: ChalkInstance, firstHeader: string): string {
  const header = [firstHeader, ...tables.flatMap(() => PERIOD_COLUMNS)];
  const rows = (['enkelvoudig', 'meervoudig', 'totaal'] as const).map((category) => [
    CATEGORY_LABEL[category],
    ...tables.flatMap((t) => periodCells(t, category)),
  ]);
  const numeric = new Set(header.map((_, i) => i).filter((i) => i > 0));
  const body = renderTable(header, rows, colour, { numeric });
  // A line above the column names names each period over its four columns.
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  let headings = ''.padEnd(widths[0]!);
  tables.forEach((table, t) => {
    const groupWidth = widths.slice(1 + 4 * t, 5 + 4 * t).reduce((sum, w) => sum + w, 0) + 3 * 2;
    headings += `  ${describePeriod(table.period).padEnd(groupWidth)}`;
  });
  return `${colour.bold(headings.trimEnd())}\n${body}`;
}

export function renderPeriodsMarkdown(tables: readonly PeriodTable[], firstHeader: string): string {
  const header = [
    firstHeader,
    ...tables.flatMap((t) => [`${describePeriod(t.period)}: ontvangen`, 'gem./mnd', 'opgevolgd', 'gem./mnd']),
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|---|${header.slice(1).map(() => '---:').join('|')}|`,
    ...(['enkelvoudig', 'meervoudig', 'totaal'] as const).map(
      (category) => `| ${[CATEGORY_LABEL[category], ...tables.flatMap((t) => periodCells(t, category))].join(' | ')} |`,
    ),
  ];
  // Pasted into a report, the table must carry the warning itself.
  for (const t of tables) {
    if (t.missingMonths.length > 0) {
      lines.push('', `*Let op: voor ${t.missingMonths.join(', ')} (in ${describePeriod(t.period)}) is geen lijst ingelezen; die maanden tellen als 0.*`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const PERIODS_CSV_HEADER = ['periode', 'categorie', 'ontvangen', 'ontvangen_gem_per_maand', 'opgevolgd', 'opgevolgd_gem_per_maand'];

export function periodsCsvRows(tables: readonly PeriodTable[]): Array<Array<string | number>> {
  return tables.flatMap((t) =>
    t.rows.map((r) => [periodLabel(t.period), r.category, r.received, r.receivedPerMonth, r.followedUp, r.followedUpPerMonth]),
  );
}

export function renderPeriodsCsv(tables: readonly PeriodTable[]): string {
  return formatExcelCsv(PERIODS_CSV_HEADER, periodsCsvRows(tables), { delimiter: ';' });
}

export function periodsJson(tables: readonly PeriodTable[]): unknown {
  return {
    perioden: tables.map((t) => ({
      van: t.period.from,
      tot: t.period.to,
      omschrijving: describePeriod(t.period),
      maanden: t.months,
      maandenZonderLijst: t.missingMonths,
      rijen: t.rows.map((r) => ({
        categorie: r.category,
        ontvangen: r.received,
        ontvangenGemPerMaand: r.receivedPerMonth,
        ontvangenGemPerMaandExact: r.receivedPerMonthExact,
        opgevolgd: r.followedUp,
        opgevolgdGemPerMaand: r.followedUpPerMonth,
        opgevolgdGemPerMaandExact: r.followedUpPerMonthExact,
      })),
    })),
  };
}

const MONTH_HEADER = ['maand', 'categorie', 'ontvangen', 'opgevolgd', 'open', 'uitgesteld'];

function monthCells(row: MonthRow): string[] {
  if (row.missing) return [row.month, CATEGORY_LABEL[row.category], 'geen lijst', '', '', ''];
  return [row.month, CATEGORY_LABEL[row.category], ...[row.received, row.followedUp, row.open, row.deferred].map(String)];
}

export function renderMonthsText(rows: readonly MonthRow[], colour: ChalkInstance): string {
  return renderTable(MONTH_HEADER, rows.map(monthCells), colour, { numeric: new Set([2, 3, 4, 5]) });
}

export function renderMonthsMarkdown(rows: readonly MonthRow[]): string {
  return [
    `| ${MONTH_HEADER.join(' | ')} |`,
    `|---|---|---:|---:|---:|---:|`,
    ...rows.map((row) => `| ${monthCells(row).join(' | ')} |`),
  ].join('\n') + '\n';
}

export const MONTHS_CSV_HEADER = MONTH_HEADER;

export function monthsCsvRows(rows: readonly MonthRow[]): Array<Array<string | number>> {
  return rows.filter((r) => !r.missing).map((r) => [r.month, r.category, r.received, r.followedUp, r.open, r.deferred]);
}

export function renderMonthsCsv(rows: readonly MonthRow[]): string {
  return formatExcelCsv(MONTH_HEADER, monthsCsvRows(rows), { delimiter: ';' });
}

export function monthsJson(rows: readonly MonthRow[]): unknown {
  return {
    maanden: rows.map((r) =>
      r.missing
        ? { maand: r.month, categorie: r.category, geenLijst: true }
        : { maand: r.month, categorie: r.category, ontvangen: r.received, opgevolgd: r.followedUp, open: r.open, uitgesteld: r.deferred },
    ),
  };
}

const BAR_WIDTH = 40;

/** Bars per month, received against followed up, scaled to the busiest month. */
export function renderChart(rows: readonly MonthRow[], colour: ChalkInstance): string {
  const totals = rows.filter((r) => r.category === 'totaal');
  const max = Math.max(1, ...totals.map((r) => r.received));
  const bar = (n: number): string => '█'.repeat(Math.round((n / max) * BAR_WIDTH));
  const lines = totals.flatMap((r) =>
    r.missing
      ? [`${r.month}  geen lijst`]
      : [
          `${r.month}  ontvangen ${colour.cyan(bar(r.received))} ${r.received}`,
          `         opgevolgd ${colour.green(bar(r.followedUp))} ${r.followedUp}`,
        ],
  );
  return `${lines.join('\n')}\n`;
}
