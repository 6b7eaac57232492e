import type { ChalkInstance } from 'chalk';
import { describePeriod, type Period } from '../core/report/period.js';
import { DEBT_TYPES, type PeriodStats, type Share } from '../core/report/stats.js';
import { AGE_GROUPS } from '../core/report/age-group.js';
import type { FirstContactFigures } from '../core/report/first-contact.js';
import { roundHalfUp } from '../core/report/table.js';
import { formatExcelCsv } from '../csv/excel-csv.js';
import { renderTable } from './table.js';

// The period figures as rows (section, label, count, share), rendered in every format from
// that one list so the formats cannot disagree.

export interface StatsRow {
  section: string;
  label: string;
  count: number;
  /** The whole the share is of; null when a share means nothing here. */
  of: number | null;
}

const DEBT_LABEL: Record<(typeof DEBT_TYPES)[number], string> = {
  woon: 'woon (huur, hypotheek)',
  zorg: 'zorg (zorgverzekering, CAK)',
  energie: 'energie',
  water: 'water',
  overig: 'overig',
};

export function statsRows(
  stats: PeriodStats & { firstContact: FirstContactFigures },
  workerNames: ReadonlyMap<number, string>,
): StatsRow[] {
  const withShare = (section: string, label: string, s: Share): StatsRow => ({ section, label, count: s.count, of: s.of });
  const rows: StatsRow[] = [
    { section: 'algemeen', label: 'unieke huishoudens', count: stats.households, of: null },
    { section: 'algemeen', label: 'meldingen', count: stats.meldingen, of: null },
    { section: 'algemeen', label: 'signalen', count: stats.signals, of: null },
    withShare('algemeen', 'meldingen opeenvolgend', stats.opeenvolgend),
    ...DEBT_TYPES.map((t) => ({ section: 'signalen per soort schuld', label: DEBT_LABEL[t], count: stats.signalsByDebtType[t], of: stats.signals })),
    ...AGE_GROUPS.map((g) => ({ section: 'leeftijd (per melding)', label: g, count: stats.ageGroups[g], of: stats.meldingen })),
    ...Object.entries(stats.contactAttempts).map(([soort, count]) => ({ section: 'contactpogingen', label: soort, count, of: null })),
    withShare('bereik', 'opgevolgde meldingen met de inwoner bereikt', stats.reach),
    ...Object.entries(stats.reachByKind).map(([soort, s]) => withShare('bereik per soort poging', `${soort}: pogingen waarin bereikt`, s)),
    withShare('huisbezoek', 'bezochte meldingen met de inwoner bereikt (bij of na het bezoek)', stats.visitedReached),
    ...firstContactRows(stats.firstContact),
    withShare('hulpacceptatie', 'bereikte meldingen met vervolghulp of verwijzing', stats.helpAccepted),
    ...Object.entries(stats.results).map(([result, count]) => ({ section: 'resultaten', label: result, count, of: stats.meldingen })),
  ];
  for (const worker of stats.perWorker) {
    const name = workerNames.get(worker.workerId) ?? `medewerker ${worker.workerId}`;
    rows.push(
      { section: `medewerker ${name}`, label: 'toegewezen', count: worker.assigned, of: null },
      { section: `medewerker ${name}`, label: 'opgevolgd', count: worker.followedUp, of: worker.assigned },
      { section: `medewerker ${name}`, label: 'open', count: worker.open, of: worker.assigned },
    );
  }
  return rows;
}

function firstContactRows(figures: FirstContactFigures): StatsRow[] {
  const section = 'eerste contact';
  const rows: StatsRow[] = [
    { section, label: `opgepakte meldingen met een eerste poging binnen ${figures.termDays} dagen na het inlezen`, count: figures.withinTerm.count, of: figures.withinTerm.of },
  ];
  // Half days (the middle of an even count) round up, as the table's averages do; JSON is exact.
  if (figures.medianDaysToFirstAttempt !== null) {
    rows.push({ section, label: 'mediaan aantal dagen tot de eerste poging', count: Math.round(figures.medianDaysToFirstAttempt), of: null });
  }
  if (figures.attemptBeforeImport > 0) {
    rows.push({ section, label: 'eerste poging vóór het inlezen (niet meegeteld)', count: figures.attemptBeforeImport, of: null });
  }
  return rows;
}

/** A row's share as a whole percentage, rounded half up; empty where a share means nothing. */
export function percentage(row: StatsRow): string {
  if (row.of === null) return '';
  if (row.of === 0) return '-';
  return `${roundHalfUp(row.count * 100, row.of)}%`;
}

export function renderStatsText(period: Period, rows: readonly StatsRow[], colour: ChalkInstance): string {
  const table = renderTable(
    ['onderdeel', 'wat', 'aantal', 'aandeel'],
    rows.map((r) => [r.section, r.label, String(r.count), percentage(r)]),
    colour,
    { numeric: new Set([2, 3]) },
  );
  return `${colour.bold(`Cijfers over ${describePeriod(period)}`)}\n${table}`;
}

export function renderStatsMarkdown(period: Period, rows: readonly StatsRow[]): string {
  const lines = [
    `**Cijfers over ${describePeriod(period)}**`,
    '',
    '| onderdeel | wat | aantal | aandeel |',
    '|---|---|---:|---:|',
    ...rows.map((r) => `| ${r.section} | ${r.label} | ${r.count} | ${percentage(r)} |`),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderStatsCsv(rows: readonly StatsRow[]): string {
  return formatExcelCsv(
    ['onderdeel', 'wat', 'aantal', 'van'],
    rows.map((r) => [r.section, r.label, r.count, r.of]),
    { delimiter: ';' },
  );
}
