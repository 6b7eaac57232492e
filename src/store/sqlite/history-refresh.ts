import type Database from 'better-sqlite3';
import { historyFlags, OPEENVOLGEND_MONTHS } from '../../core/import/melding.js';
import { groupBy } from './group-by.js';

/**
 * Brings the history flags (on last month's list, opeenvolgend) of the meldingen after month
 * `index` up to date for some households, after that month's list changed. `households` is a
 * query that yields their ids (one column), with its parameters.
 */
export function refreshHistoryAfter(
  db: Database.Database,
  index: number,
  households: { sql: string; params: unknown[] },
): void {
  const later = db.prepare('SELECT 1 FROM meldingen WHERE month_index > ? LIMIT 1').get(index);
  if (later === undefined) return; // the usual case: this is the newest month
  const rows = db
    .prepare(
      `SELECT m.id, m.household_id, m.month_index, m.on_last_month, m.opeenvolgend FROM meldingen m
       WHERE m.household_id IN (${households.sql}) AND m.month_index BETWEEN ? AND ?
       ORDER BY m.household_id`,
    )
    .all(...households.params, index - OPEENVOLGEND_MONTHS, index + OPEENVOLGEND_MONTHS) as Array<{
    id: number;
    household_id: number;
    month_index: number;
    on_last_month: number;
    opeenvolgend: number;
  }>;
  const monthsOf = groupBy(rows, (r) => r.household_id, (r) => r.month_index);
  const update = db.prepare('UPDATE meldingen SET on_last_month = ?, opeenvolgend = ? WHERE id = ?');
  for (const row of rows) {
    if (row.month_index <= index) continue;
    const flags = historyFlags(row.month_index, monthsOf.get(row.household_id) ?? []);
    const onLast = flags.onLastMonth ? 1 : 0;
    const opeen = flags.opeenvolgend ? 1 : 0;
    if (onLast !== row.on_last_month || opeen !== row.opeenvolgend) update.run(onLast, opeen, row.id);
  }
}
