import type Database from 'better-sqlite3';
import { localIsoDate } from '../../core/fields/date.js';
import type { Contactsoort, Dagdeel } from '../../core/followup.js';
import { formatRef } from '../../core/reference.js';
import type { DecisionKind } from '../../core/triage/types.js';
import type { Category, Month, Signaalpartner } from '../../core/types.js';
import type { WorklistAttempt, WorklistEntry } from '../../core/worklist.js';
import { groupBy } from './group-by.js';
import { listedAtSql } from './listed-at.js';
import { SIGNAL_PERSON_COLUMNS, signalPersonName, type SignalPersonRow } from './signal-person.js';

interface EntryRow {
  id: number;
  month: Month;
  seq: number;
  category: Category;
  opeenvolgend: number;
  on_last_month: number;
  kind: DecisionKind;
  reason: string;
  worker: string | null;
  postcode: string;
  huisnummer: string;
  toevoeging: string;
  listed_at: string;
}

interface PersonSignalRow extends SignalPersonRow {
  melding_id: number;
  schuldeiser: string | null;
  signaalpartner: Signaalpartner;
  bedrag_cents: number;
}

export class SqliteWorklist {
  constructor(private readonly db: Database.Database) {}

  /**
   * The month's picked meldingen that have no result yet: what still needs follow-up. A melding
   * whose personal data was purged cannot be phoned and is left out, and so is one that joined
   * a case that is closed now (it went with the case).
   */
  async worklist(month: Month | null, workerId: number | null, gemeenteId?: number): Promise<WorklistEntry[]> {
    // One month: per worker, in melding order. All months (month null): oldest first.
    const entries = this.db
      .prepare(
        `SELECT m.id, m.month, m.seq, m.category, m.opeenvolgend, m.on_last_month, d.kind, d.reason, w.name AS worker,
                h.postcode, h.huisnummer, h.toevoeging, ${listedAtSql('m.id')} AS listed_at
         FROM meldingen m
         JOIN decisions d ON d.melding_id = m.id
         JOIN households h ON h.id = m.household_id
         JOIN melding_status s ON s.melding_id = m.id
         LEFT JOIN workers w ON w.id = d.worker_id
         WHERE ${month === null ? '' : 'm.month = ? AND'} d.kind IN ('altijd', 'capaciteit') AND s.resultaat IS NULL AND m.purged_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM results cr WHERE cr.melding_id = d.case_melding_id)
           AND (? IS NULL OR d.worker_id = ?) AND (? IS NULL OR m.gemeente_id = ?)
         ORDER BY ${month === null ? 'm.month_index, m.seq' : 'w.name IS NULL, w.name, m.seq'}`,
      )
      .all(...(month === null ? [] : [month]), workerId, workerId, gemeenteId ?? null, gemeenteId ?? null) as EntryRow[];
    const signals = groupBy(
      this.db
        .prepare(
          `SELECT melding_id, schuldeiser, signaalpartner, bedrag_cents, ${SIGNAL_PERSON_COLUMNS}
           FROM signals WHERE melding_id IN (SELECT value FROM json_each(?)) ORDER BY melding_id, source_line`,
        )
        .all(JSON.stringify(entries.map((e) => e.id))) as PersonSignalRow[],
      (row) => row.melding_id,
      (row) => row,
    );
    const attempts = groupBy(
      this.db
        .prepare(
          `SELECT melding_id, soort, bereikt, datum, dagdeel FROM contacts
           WHERE melding_id IN (SELECT value FROM json_each(?)) ORDER BY melding_id, datum, id`,
        )
        .all(JSON.stringify(entries.map((e) => e.id))) as Array<{
        melding_id: number;
        soort: Contactsoort;
        bereikt: number;
        datum: string;
        dagdeel: Dagdeel | null;
      }>,
      (row) => row.melding_id,
      (row): WorklistAttempt => ({ soort: row.soort, bereikt: row.bereikt === 1, datum: row.datum, dagdeel: row.dagdeel }),
    );
    return entries.map((entry): WorklistEntry => {
      const rows = signals.get(entry.id) ?? [];
      const first = <K extends keyof PersonSignalRow>(key: K): PersonSignalRow[K] | null =>
        rows.find((row) => row[key] !== null)?.[key] ?? null;
      return {
        ref: formatRef(entry.month, entry.seq),
        worker: entry.worker,
        kind: entry.kind,
        reason: entry.reason,
        category: entry.category,
        opeenvolgend: entry.opeenvolgend === 1,
        onLastMonth: entry.on_last_month === 1,
        signals: rows.map((row) => ({
          schuldeiser: row.schuldeiser,
          signaalpartner: row.signaalpartner,
          bedragCents: row.bedrag_cents,
        })),
        totalCents: rows.reduce((sum, row) => sum + row.bedrag_cents, 0),
        listedOn: localIsoDate(new Date(entry.listed_at)),
        attempts: attempts.get(entry.id) ?? [],
        person: {
          naam: personName(rows),
          straatnaam: first('straatnaam'),
          huisnummer: entry.huisnummer,
          toevoeging: entry.toevoeging,
          postcode: entry.postcode,
          plaatsnaam: first('plaatsnaam'),
          telefoon: first('telefoon'),
          email: first('email'),
          bsn: first('bsn'),
        },
      };
    });
  }
}

/** The name as a person would write it: from the first signal that has one. */
function personName(rows: readonly PersonSignalRow[]): string | null {
  for (const row of rows) {
    const name = signalPersonName(row);
    if (name !== null) return name;
  }
  return null;
}
