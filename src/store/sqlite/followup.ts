import type Database from 'better-sqlite3';
import type { Dagdeel } from '../../core/followup.js';
import { formatRef } from '../../core/reference.js';
import type { Month } from '../../core/types.js';
import type { ContactRecord, FollowUpStore, MeldingState, ResultRecord } from '../store.js';
import { groupBy } from './group-by.js';

export class SqliteFollowUp implements FollowUpStore {
  constructor(private readonly db: Database.Database) {}

  async meldingStates(refs: ReadonlyArray<{ month: Month; seq: number }>): Promise<MeldingState[]> {
    const find = this.db.prepare(
      `SELECT m.id, m.month, m.seq, s.decision, s.resultaat, s.result_source, r.referred_to
       FROM meldingen m JOIN melding_status s ON s.melding_id = m.id
       LEFT JOIN results r ON r.melding_id = m.id
       WHERE m.month = ? AND m.seq = ?`,
    );
    const found = refs
      .map((ref) => find.get(ref.month, ref.seq) as
        | {
            id: number;
            month: Month;
            seq: number;
            decision: MeldingState['decision'];
            resultaat: MeldingState['resultaat'];
            result_source: MeldingState['resultSource'];
            referred_to: MeldingState['referredTo'];
          }
        | undefined)
      .filter((row) => row !== undefined);
    const contacts = groupBy(
      this.db
        .prepare(
          `SELECT melding_id, soort, bereikt, datum, dagdeel, notitie FROM contacts
           WHERE melding_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
        )
        .all(JSON.stringify(found.map((row) => row.id))) as Array<{
        melding_id: number;
        soort: ContactRecord['soort'];
        bereikt: number;
        datum: string;
        dagdeel: Dagdeel | null;
        notitie: string | null;
      }>,
      (row) => row.melding_id,
      (row): ContactRecord => ({
        soort: row.soort,
        bereikt: row.bereikt === 1,
        datum: row.datum,
        dagdeel: row.dagdeel,
        notitie: row.notitie,
      }),
    );
    return found.map((row) => ({
      id: row.id,
      ref: formatRef(row.month, row.seq),
      month: row.month,
      decision: row.decision,
      resultaat: row.resultaat,
      resultSource: row.result_source,
      referredTo: row.referred_to,
      contacts: contacts.get(row.id) ?? [],
    }));
  }

  async addContact(meldingId: number, contact: ContactRecord, recordedAt: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO contacts (melding_id, soort, bereikt, datum, dagdeel, notitie, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(meldingId, contact.soort, contact.bereikt ? 1 : 0, contact.datum, contact.dagdeel, contact.notitie, recordedAt);
  }

  async setResult(meldingId: number, result: ResultRecord, recordedAt: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO results (melding_id, resultaat, referred_to, closed_on, source, recorded_at)
         VALUES (?, ?, ?, ?, 'medewerker', ?)
         ON CONFLICT (melding_id) DO UPDATE SET resultaat = excluded.resultaat, referred_to = excluded.referred_to,
           closed_on = excluded.closed_on, source = 'medewerker', recorded_at = excluded.recorded_at`,
      )
      .run(meldingId, result.resultaat, result.referredTo, result.closedOn, recordedAt);
  }
}
