import type Database from 'better-sqlite3';
import type { Period } from '../../core/report/period.js';
import type { RetentionCandidate } from '../../core/retention.js';
import type { Month } from '../../core/types.js';
import type { AuditRecord, DeliveryDetails, DeliveryRecord, PrivacyStore, PurgeCounts } from '../store.js';

// Removing personal data past its term, and the records that make that accountable. The
// predicates below are shared by the preview (counts only) and the purge itself, so that a dry
// run reports exactly what a real run removes.

const IDS = 'SELECT value FROM json_each(?)';
const SIGNALS_OF = `melding_id IN (${IDS})`;
const NOTES_OF = `melding_id IN (${IDS}) AND notitie IS NOT NULL`;
// A household is purged once none of its meldingen keeps personal data.
const HOUSEHOLDS_OF = `purged_at IS NULL AND id IN (SELECT household_id FROM meldingen WHERE id IN (${IDS}))
  AND NOT EXISTS (SELECT 1 FROM meldingen k WHERE k.household_id = households.id
                  AND k.purged_at IS NULL AND k.id NOT IN (${IDS}))`;

export class SqlitePrivacy implements Omit<PrivacyStore, 'appendAudit'> {
  constructor(private readonly db: Database.Database) {}

  async retentionCandidates(options: { followedUpOnly: boolean } = { followedUpOnly: false }): Promise<RetentionCandidate[]> {
    // Followed up means a contact or a result, so those two small tables name every candidate.
    const followedUp = options.followedUpOnly
      ? `AND s.opgevolgd = 1 AND m.id IN (SELECT melding_id FROM contacts UNION SELECT melding_id FROM results)`
      : '';
    const rows = this.db
      .prepare(
        `SELECT m.id, m.month, s.opgevolgd, r.closed_on,
                (SELECT max(c.datum) FROM contacts c WHERE c.melding_id = m.id) AS last_contact_on
         FROM meldingen m
         JOIN melding_status s ON s.melding_id = m.id
         LEFT JOIN results r ON r.melding_id = m.id
         WHERE m.purged_at IS NULL ${followedUp} ORDER BY m.id`,
      )
      .all() as Array<{ id: number; month: Month; opgevolgd: number; closed_on: string | null; last_contact_on: string | null }>;
    return rows.map((row) => ({
      meldingId: row.id,
      month: row.month,
      opgevolgd: row.opgevolgd === 1,
      closedOn: row.closed_on,
      lastContactOn: row.last_contact_on,
    }));
  }

  async countNotFollowedUpBefore(month: Month): Promise<number> {
    return this.db
      .prepare(
        // The melding keeps whether it is opgevolgd (migration 4): no decision or result to join.
        'SELECT count(*) FROM meldingen WHERE month < ? AND purged_at IS NULL AND opgevolgd = 0',
      )
      .pluck()
      .get(month) as number;
  }

  async purgePreview(meldingIds: readonly number[]): Promise<PurgeCounts> {
    const ids = JSON.stringify(meldingIds);
    const count = (sql: string, ...params: string[]): number =>
      (this.db.prepare(sql).get(...params) as { n: number }).n;
    return {
      meldingen: meldingIds.length,
      signals: count(`SELECT count(*) AS n FROM signals WHERE ${SIGNALS_OF}`, ids),
      notes: count(`SELECT count(*) AS n FROM contacts WHERE ${NOTES_OF}`, ids),
      households: count(`SELECT count(*) AS n FROM households WHERE ${HOUSEHOLDS_OF}`, ids, ids),
    };
  }

  async purgeMeldingen(meldingIds: readonly number[], purgedAt: string): Promise<PurgeCounts> {
    const ids = JSON.stringify(meldingIds);
    const households = this.db
      // Only the four-digit postcode area stays: the full postcode with a month and a creditor
      // could still point at one household.
      .prepare(
        `UPDATE households SET postcode = substr(postcode, 1, 4), huisnummer = NULL, toevoeging = NULL, purged_at = ?
         WHERE ${HOUSEHOLDS_OF}`,
      )
      .run(purgedAt, ids, ids).changes;
    const signals = this.db
      .prepare(
        `UPDATE signals SET bsn = NULL, voorletters = NULL, voorvoegsel = NULL, achternaam = NULL, naam = NULL,
           geboortedatum = NULL, geslacht = NULL, straatnaam = NULL, plaatsnaam = NULL, telefoon = NULL, email = NULL,
           signaal_id = NULL, dedup_key = 'gewist:' || id
         WHERE ${SIGNALS_OF}`,
      )
      .run(ids).changes;
    const notes = this.db.prepare(`UPDATE contacts SET notitie = NULL WHERE ${NOTES_OF}`).run(ids).changes;
    const meldingen = this.db.prepare(`UPDATE meldingen SET purged_at = ? WHERE id IN (${IDS})`).run(purgedAt, ids).changes;
    return { meldingen, signals, notes, households };
  }

  async needsCompaction(): Promise<boolean> {
    return (this.db.pragma('freelist_count', { simple: true }) as number) > 0;
  }

  async compact(): Promise<boolean> {
    // secure_delete zeroes freed space; VACUUM rewrites every page and the checkpoint empties
    // the write-ahead log, so no old copy of a removed value stays in any file.
    this.db.exec('VACUUM');
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return result?.busy === 0;
  }

  async purgedMonths(period: Period): Promise<Month[]> {
    const rows = this.db
      .prepare(
        'SELECT DISTINCT month FROM meldingen WHERE purged_at IS NOT NULL AND month BETWEEN ? AND ? ORDER BY month',
      )
      .all(period.from, period.to) as Array<{ month: Month }>;
    return rows.map((row) => row.month);
  }

  async deliveries(): Promise<DeliveryRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT kind, period_from, period_to, delivered_at, gemeentecode, vroegsignalen, vroegsignaalzaken, parts, content_sha256
         FROM deliveries ORDER BY id`,
      )
      .all() as Array<{
      kind: string;
      period_from: Month;
      period_to: Month;
      delivered_at: string;
      gemeentecode: string | null;
      vroegsignalen: number | null;
      vroegsignaalzaken: number | null;
      parts: number | null;
      content_sha256: string | null;
    }>;
    return rows.map((row) => ({
      kind: row.kind,
      from: row.period_from,
      to: row.period_to,
      deliveredAt: row.delivered_at,
      details:
        row.content_sha256 === null
          ? null
          : {
              gemeentecode: row.gemeentecode ?? '',
              vroegsignalen: row.vroegsignalen ?? 0,
              vroegsignaalzaken: row.vroegsignaalzaken ?? 0,
              parts: row.parts ?? 1,
              contentSha256: row.content_sha256,
            },
    }));
  }

  async recordDelivery(kind: string, period: Period, deliveredAt: string, details?: DeliveryDetails): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO deliveries (kind, period_from, period_to, delivered_at, gemeentecode, vroegsignalen, vroegsignaalzaken, parts, content_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        kind,
        period.from,
        period.to,
        deliveredAt,
        details?.gemeentecode ?? null,
        details?.vroegsignalen ?? null,
        details?.vroegsignaalzaken ?? null,
        details?.parts ?? null,
        details?.contentSha256 ?? null,
      );
  }

  async periodChangedSince(period: Period, since: string): Promise<boolean> {
    // The four small places a later change can come from; each looked up by the period's meldingen.
    const found = this.db
      .prepare(
        `WITH period_meldingen AS (SELECT id FROM meldingen WHERE month BETWEEN @from AND @to)
         SELECT EXISTS (SELECT 1 FROM results WHERE recorded_at > @since AND melding_id IN period_meldingen)
             OR EXISTS (SELECT 1 FROM contacts WHERE recorded_at > @since AND melding_id IN period_meldingen)
             OR EXISTS (SELECT 1 FROM decisions WHERE decided_at > @since AND melding_id IN period_meldingen)
             OR EXISTS (SELECT 1 FROM imports WHERE imported_at > @since AND month BETWEEN @from AND @to)`,
      )
      .pluck()
      .get({ from: period.from, to: period.to, since }) as number;
    return found === 1;
  }

  async appendAudit(record: AuditRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO audit (at, os_user, account, command, options, counts, input_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(record.at, record.osUser, record.account ?? null, record.command, JSON.stringify(record.options), JSON.stringify(record.counts), record.inputSha256);
  }

  async auditRecords(since: string | null): Promise<AuditRecord[]> {
    const rows = this.db
      .prepare('SELECT at, os_user, account, command, options, counts, input_sha256 FROM audit WHERE ? IS NULL OR at >= ? ORDER BY id')
      .all(since, since) as AuditRow[];
    return rows.map(toAuditRecord);
  }

  async auditOfMelding(ref: string): Promise<AuditRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT at, os_user, account, command, options, counts, input_sha256 FROM audit
         WHERE command <> 'web melding bekijken'
           AND (json_extract(options, '$.melding') = ? OR json_extract(options, '$.argumenten[0]') = ?)
         ORDER BY id`,
      )
      .all(ref, ref) as AuditRow[];
    return rows.map(toAuditRecord);
  }
}

interface AuditRow {
  at: string;
  os_user: string;
  account: string | null;
  command: string;
  options: string;
  counts: string;
  input_sha256: string | null;
}

function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    at: row.at,
    osUser: row.os_user,
    ...(row.account !== null && { account: row.account }),
    command: row.command,
    options: JSON.parse(row.options) as Record<string, unknown>,
    counts: JSON.parse(row.counts) as Record<string, number>,
    inputSha256: row.input_sha256,
  };
}
