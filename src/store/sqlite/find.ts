import type Database from 'better-sqlite3';
import { normalisePhone, type FindQuery, type FoundHousehold, type FoundMelding, type FoundPerson } from '../../core/find.js';
import { formatRef } from '../../core/reference.js';
import { groupBy } from './group-by.js';
import { SIGNAL_PERSON_COLUMNS, signalPersonName, type SignalPersonRow } from './signal-person.js';

// Finding households by what a resident says on the phone. A lookup reads a few households; the
// phone and name searches scan the signals, which is fine for one question at a time.

const IN_JSON = 'SELECT value FROM json_each(?)';

export class SqliteFind {
  constructor(private readonly db: Database.Database) {
    // Stored phone numbers are as the list had them (06-9924 1280, +31 6 …): compared in one form.
    db.function('eropaf_phone', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? normalisePhone(text) : null,
    );
  }

  /** The ids of the households the query finds, at most `limit`. */
  async findHouseholdIds(query: FindQuery, limit: number): Promise<number[]> {
    const pluck = (sql: string, ...params: unknown[]): number[] =>
      this.db.prepare(`${sql} LIMIT ?`).pluck().all(...params, limit) as number[];
    switch (query.kind) {
      case 'melding':
        return pluck('SELECT household_id FROM meldingen WHERE month = ? AND seq = ?', query.month, query.seq);
      case 'adres':
        return pluck(
          `SELECT id FROM households WHERE postcode = ? AND huisnummer = ? AND (? IS NULL OR toevoeging = ?)
           AND purged_at IS NULL ORDER BY toevoeging`,
          query.postcode,
          query.huisnummer,
          query.toevoeging,
          query.toevoeging,
        );
      case 'telefoon':
        return pluck(
          `SELECT DISTINCT m.household_id FROM signals s JOIN meldingen m ON m.id = s.melding_id
           WHERE s.telefoon IS NOT NULL AND eropaf_phone(s.telefoon) = ?`,
          query.digits,
        );
      case 'naam': {
        const like = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        return pluck(
          `SELECT DISTINCT m.household_id FROM signals s JOIN meldingen m ON m.id = s.melding_id
           WHERE s.achternaam LIKE ? ESCAPE '\\' OR s.naam LIKE ? ESCAPE '\\'
              OR trim(coalesce(s.voorvoegsel || ' ', '') || coalesce(s.achternaam, '')) LIKE ? ESCAPE '\\'
              OR trim(coalesce(s.voorletters || ' ', '') || coalesce(s.voorvoegsel || ' ', '') || coalesce(s.achternaam, '')) LIKE ? ESCAPE '\\'`,
          like,
          like,
          like,
          like,
        );
      }
    }
  }

  /** The households with their meldingen over all months, oldest first. */
  async households(ids: readonly number[]): Promise<FoundHousehold[]> {
    const idList = JSON.stringify(ids);
    const households = this.db
      .prepare(`SELECT id, postcode, huisnummer, toevoeging FROM households WHERE id IN (${IN_JSON}) ORDER BY postcode, huisnummer, toevoeging`)
      .all(idList) as Array<{ id: number; postcode: string; huisnummer: string | null; toevoeging: string | null }>;
    const meldingRows = this.db
      .prepare(
        `SELECT m.id, m.household_id, m.month, m.seq, m.category, m.opgevolgd, m.purged_at, d.kind, w.name AS worker,
                r.resultaat, r.closed_on,
                (SELECT count(*) FROM contacts c WHERE c.melding_id = m.id) AS contacts,
                (SELECT max(datum) FROM contacts c WHERE c.melding_id = m.id) AS last_contact
         FROM meldingen m
         LEFT JOIN decisions d ON d.melding_id = m.id
         LEFT JOIN workers w ON w.id = d.worker_id
         LEFT JOIN results r ON r.melding_id = m.id
         WHERE m.household_id IN (${IN_JSON}) ORDER BY m.month_index`,
      )
      .all(idList) as Array<{
      id: number;
      household_id: number;
      month: string;
      seq: number;
      category: FoundMelding['category'];
      opgevolgd: number;
      purged_at: string | null;
      kind: FoundMelding['decision'];
      worker: string | null;
      resultaat: FoundMelding['result'];
      closed_on: string | null;
      contacts: number;
      last_contact: string | null;
    }>;
    const signals = groupBy(
      this.db
        .prepare(
          `SELECT melding_id, schuldeiser, signaalpartner, bedrag_cents, ${SIGNAL_PERSON_COLUMNS}
           FROM signals WHERE melding_id IN (${IN_JSON}) ORDER BY melding_id, source_line`,
        )
        .all(JSON.stringify(meldingRows.map((m) => m.id))) as Array<
        SignalPersonRow & { melding_id: number; schuldeiser: string | null; signaalpartner: string; bedrag_cents: number }
      >,
      (row) => row.melding_id,
      (row) => row,
    );
    const meldingenOf = groupBy(meldingRows, (m) => m.household_id, (m) => m);
    return households.map((h): FoundHousehold => {
      const meldingen = meldingenOf.get(h.id) ?? [];
      const rows = meldingen.flatMap((m) => signals.get(m.id) ?? []);
      const people = new Map<string, FoundPerson>();
      for (const row of rows) {
        const person = { naam: signalPersonName(row), telefoon: row.telefoon, email: row.email, bsn: row.bsn };
        if (Object.values(person).every((v) => v === null)) continue;
        people.set(JSON.stringify(person), person);
      }
      const last = <K extends 'straatnaam' | 'plaatsnaam'>(key: K): string | null =>
        [...rows].reverse().find((row) => row[key] !== null)?.[key] ?? null;
      return {
        address: {
          postcode: h.postcode,
          huisnummer: h.huisnummer,
          toevoeging: h.toevoeging,
          straatnaam: last('straatnaam'),
          plaatsnaam: last('plaatsnaam'),
        },
        people: [...people.values()],
        meldingen: meldingen.map((m): FoundMelding => {
          const own = signals.get(m.id) ?? [];
          return {
            ref: formatRef(m.month, m.seq),
            month: m.month,
            category: m.category,
            decision: m.kind,
            worker: m.worker,
            opgevolgd: m.opgevolgd === 1,
            result: m.resultaat,
            closedOn: m.closed_on,
            contacts: m.contacts,
            lastContact: m.last_contact,
            totalCents: own.reduce((sum, s) => sum + s.bedrag_cents, 0),
            organisations: [...new Set(own.map((s) => s.schuldeiser ?? s.signaalpartner))],
            purged: m.purged_at !== null,
          };
        }),
      };
    });
  }
}
