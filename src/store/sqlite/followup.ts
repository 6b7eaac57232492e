import type Database from 'better-sqlite3';
import type { Dagdeel } from '../../core/followup.js';
import { formatRef } from '../../core/reference.js';
import type { Month } from '../../core/types.js';
import type { StoredContact } from '../../core/followup-plan.js';
import type { ContactRecord, FollowUpStore, MeldingState, PickupRecord, ResultRecord } from '../store.js';
import { groupBy } from './group-by.js';

export class SqliteFollowUp implements FollowUpStore {
  constructor(private readonly db: Database.Database) {}

  async meldingStates(refs: ReadonlyArray<{ month: Month; seq: number }>): Promise<MeldingState[]> {
    const find = this.db.prepare(
      `SELECT m.id, m.month, m.seq, s.decision, s.worker_id, s.resultaat, s.result_source, r.referred_to, r.closed_on
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
            worker_id: number | null;
            resultaat: MeldingState['resultaat'];
            result_source: MeldingState['resultSource'];
            referred_to: MeldingState['referredTo'];
            closed_on: string | null;
          }
        | undefined)
      .filter((row) => row !== undefined);
    const contacts = groupBy(
      this.db
        .prepare(
          `SELECT id, melding_id, soort, bereikt, datum, tijd, dagdeel, notitie FROM contacts
           WHERE melding_id IN (SELECT value FROM json_each(?)) ORDER BY datum, id`,
        )
        .all(JSON.stringify(found.map((row) => row.id))) as Array<{
        id: number;
        melding_id: number;
        soort: ContactRecord['soort'];
        bereikt: number;
        datum: string;
        tijd: string | null;
        dagdeel: Dagdeel | null;
        notitie: string | null;
      }>,
      (row) => row.melding_id,
      (row): StoredContact => ({
        id: row.id,
        soort: row.soort,
        bereikt: row.bereikt === 1,
        datum: row.datum,
        dagdeel: row.dagdeel,
        notitie: row.notitie,
        tijd: row.tijd,
      }),
    );
    return found.map((row) => ({
      id: row.id,
      ref: formatRef(row.month, row.seq),
      month: row.month,
      decision: row.decision,
      workerId: row.worker_id,
      resultaat: row.resultaat,
      resultSource: row.result_source,
      referredTo: row.referred_to,
      closedOn: row.closed_on,
      contacts: contacts.get(row.id) ?? [],
    }));
  }

  async addContact(meldingId: number, contact: ContactRecord, recordedAt: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO contacts (melding_id, soort, bereikt, datum, tijd, dagdeel, notitie, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(meldingId, contact.soort, contact.bereikt ? 1 : 0, contact.datum, contact.tijd ?? null, contact.dagdeel, contact.notitie, recordedAt);
  }

  async updateContact(contactId: number, contact: ContactRecord, recordedAt: string): Promise<void> {
    this.db
      .prepare(
        `UPDATE contacts SET soort = ?, bereikt = ?, datum = ?, tijd = ?, dagdeel = ?, notitie = ?, recorded_at = ? WHERE id = ?`,
      )
      .run(contact.soort, contact.bereikt ? 1 : 0, contact.datum, contact.tijd ?? null, contact.dagdeel, contact.notitie, recordedAt, contactId);
  }

  async deleteContact(contactId: number): Promise<void> {
    this.db.prepare('DELETE FROM contacts WHERE id = ?').run(contactId);
  }

  async deleteResult(meldingId: number): Promise<void> {
    this.db.prepare('DELETE FROM results WHERE melding_id = ?').run(meldingId);
  }

  async pickUp(meldingId: number, pickup: PickupRecord, decidedAt: string): Promise<void> {
    // A picked-up melding is the worker's work now: its decision says so (and so gives the DDAS
    // delivery its datumOpgepakt), and a Niet opgepakt result no longer holds.
    this.db
      .prepare(
        `UPDATE decisions SET kind = ?, rule = ?, reason = ?, worker_id = ?, decided_at = ? WHERE melding_id = ?`,
      )
      .run(pickup.kind, pickup.rule, pickup.reason, pickup.workerId, decidedAt, meldingId);
    this.db.prepare("DELETE FROM results WHERE melding_id = ? AND resultaat LIKE 'Niet opgepakt:%'").run(meldingId);
  }

  async leaveCase(meldingId: number): Promise<void> {
    // A joined melding simply stops pointing at the case. The case's first melding takes the
    // others with it no longer: the earliest of them becomes the first of the rest. Migration
    // 7's triggers renew opgevolgd of every melding whose case changes.
    this.db.prepare('UPDATE decisions SET case_melding_id = NULL WHERE melding_id = ? AND case_melding_id IS NOT NULL').run(meldingId);
    const next = this.db
      .prepare(
        `SELECT d.melding_id FROM decisions d JOIN meldingen m ON m.id = d.melding_id
         WHERE d.case_melding_id = ? ORDER BY m.month_index, m.seq LIMIT 1`,
      )
      .pluck()
      .get(meldingId) as number | undefined;
    if (next === undefined) return;
    this.db.prepare('UPDATE decisions SET case_melding_id = NULL WHERE melding_id = ?').run(next);
    this.db.prepare('UPDATE decisions SET case_melding_id = ? WHERE case_melding_id = ?').run(next, meldingId);
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
