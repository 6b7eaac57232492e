import type Database from 'better-sqlite3';
import type { HandoverMove, OpenMelding } from '../../core/handover.js';
import type { OpenCaseMember } from '../store.js';
import { formatRef } from '../../core/reference.js';
import type { Month } from '../../core/types.js';

// Open work per worker, over all months (picked, no result yet, personal data not purged),
// and moving it to other workers.

// (as on the worklist: a melding that joined a case that is closed now went with the case)
const OPEN = `d.kind IN ('altijd', 'capaciteit') AND NOT EXISTS (SELECT 1 FROM results r WHERE r.melding_id = m.id)
              AND NOT EXISTS (SELECT 1 FROM results cr WHERE cr.melding_id = d.case_melding_id)
              AND m.purged_at IS NULL`;

export class SqliteOpenWork {
  constructor(private readonly db: Database.Database) {}

  async openWork(workerId: number): Promise<OpenMelding[]> {
    const rows = this.db
      .prepare(
        `SELECT m.id, m.month, m.seq FROM meldingen m JOIN decisions d ON d.melding_id = m.id
         WHERE d.worker_id = ? AND ${OPEN} ORDER BY m.month, m.seq`,
      )
      .raw()
      .all(workerId) as Array<[number, Month, number]>;
    return rows.map(([meldingId, month, seq]) => ({ meldingId, ref: formatRef(month, seq) }));
  }

  async openCase(meldingId: number): Promise<OpenCaseMember[]> {
    // The case is its root melding plus every melding that joined it (decisions.case_melding_id).
    const rows = this.db
      .prepare(
        `WITH root AS (SELECT coalesce((SELECT case_melding_id FROM decisions WHERE melding_id = ?), ?) AS id)
         SELECT m.id, m.month, m.seq, d.worker_id FROM meldingen m JOIN decisions d ON d.melding_id = m.id
         WHERE (m.id = (SELECT id FROM root) OR d.case_melding_id = (SELECT id FROM root)) AND ${OPEN}
         ORDER BY m.month, m.seq`,
      )
      .raw()
      .all(meldingId, meldingId) as Array<[number, Month, number, number | null]>;
    return rows.map(([id, month, seq, workerId]) => ({ meldingId: id, ref: formatRef(month, seq), workerId }));
  }

  async openLoad(): Promise<Map<number, number>> {
    const rows = this.db
      .prepare(
        `SELECT d.worker_id, count(*) FROM meldingen m JOIN decisions d ON d.melding_id = m.id
         WHERE d.worker_id IS NOT NULL AND ${OPEN} GROUP BY d.worker_id`,
      )
      .raw()
      .all() as Array<[number, number]>;
    return new Map(rows);
  }

  async reassign(moves: readonly HandoverMove[]): Promise<void> {
    this.db
      .prepare(`UPDATE decisions SET worker_id = j.value ->> 1 FROM json_each(?) AS j WHERE decisions.melding_id = j.value ->> 0`)
      .run(JSON.stringify(moves.map((m) => [m.meldingId, m.workerId])));
  }
}
