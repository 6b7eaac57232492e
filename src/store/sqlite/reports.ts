import type Database from 'better-sqlite3';
import type { Period } from '../../core/report/period.js';
import type { DdasMeldingInput, DdasSignalInput } from '../../core/report/ddas.js';
import type { StatsContact, StatsMelding, StatsSignal } from '../../core/report/stats.js';
import { localIsoDate } from '../../core/fields/date.js';
import { formatRef } from '../../core/reference.js';
import { groupBy } from './group-by.js';
import { listedAtSql } from './listed-at.js';
import type { CategoryCounts, FollowUpCounts, MonthCounts } from '../../core/report/table.js';
import type { Category, Month } from '../../core/types.js';
import type { MonthOverview, ReportStore } from '../store.js';

/** Restricts a query to one gemeente's meldingen (`column`: their gemeente id); all of them when undefined. */
function ofGemeente(column: string, gemeenteId: number | undefined): { sql: string; params: number[] } {
  return gemeenteId === undefined ? { sql: '', params: [] } : { sql: ` AND ${column} = ?`, params: [gemeenteId] };
}

// Counting for the reports. Meldingen are counted in the month of their list; the follow-up
// state comes from the melding_status view, whose 'opgevolgd' (kept per melding, migration 4)
// follows core/followup.ts.

export class SqliteReports implements ReportStore {
  constructor(private readonly db: Database.Database) {}

  async followUpCounts(period: Period, gemeenteId?: number): Promise<Array<MonthCounts<FollowUpCounts>>> {
    // Counted in the index on (month, category, opgevolgd), or on (gemeente, month, category,
    // opgevolgd) for one gemeente, alone, without reading the meldingen.
    const gemeente = ofGemeente('gemeente_id', gemeenteId);
    const rows = this.db
      .prepare(
        `SELECT month, category, count(*) AS received, sum(opgevolgd) AS followed_up
         FROM meldingen WHERE month BETWEEN ? AND ?${gemeente.sql} GROUP BY month, category ORDER BY month`,
      )
      .all(period.from, period.to, ...gemeente.params) as Array<{ month: Month; category: Category; received: number; followed_up: number }>;
    const none = (): FollowUpCounts => ({ received: 0, followedUp: 0 });
    const months = new Map<Month, MonthCounts<FollowUpCounts>>();
    for (const row of rows) {
      const month = months.get(row.month) ?? { month: row.month, enkelvoudig: none(), meervoudig: none() };
      month[row.category] = { received: row.received, followedUp: row.followed_up };
      months.set(row.month, month);
    }
    return [...months.values()];
  }

  async monthCounts(period: Period, gemeenteId?: number): Promise<MonthCounts[]> {
    // Open and uitgesteld need each melding's decision and result; only a melding that is not
    // opgevolgd can be either, so the others (in the index) are not looked up.
    const gemeente = ofGemeente('(SELECT gemeente_id FROM meldingen g WHERE g.id = melding_id)', gemeenteId);
    const waiting = this.db
      .prepare(
        `SELECT month, category, sum(open) AS open, sum(uitgesteld) AS deferred
         FROM melding_status WHERE month BETWEEN ? AND ? AND opgevolgd = 0${gemeente.sql} GROUP BY month, category`,
      )
      .all(period.from, period.to, ...gemeente.params) as Array<{ month: Month; category: Category; open: number; deferred: number }>;
    const waitingOf = new Map(waiting.map((row) => [`${row.month} ${row.category}`, row]));
    const withWaiting = (month: Month, category: Category, counts: FollowUpCounts): CategoryCounts => {
      const still = waitingOf.get(`${month} ${category}`);
      return { ...counts, open: still?.open ?? 0, deferred: still?.deferred ?? 0 };
    };
    return (await this.followUpCounts(period, gemeenteId)).map((m) => ({
      month: m.month,
      enkelvoudig: withWaiting(m.month, 'enkelvoudig', m.enkelvoudig),
      meervoudig: withWaiting(m.month, 'meervoudig', m.meervoudig),
    }));
  }

  async statsData(
    period: Period,
    gemeenteId?: number,
  ): Promise<{ meldingen: StatsMelding[]; signals: StatsSignal[]; contacts: StatsContact[] }> {
    const gemeente = (column: string) => ofGemeente(column, gemeenteId);
    const meldingen = (
      this.db
        .prepare(
          `SELECT m.id, m.household_id, m.category, m.opeenvolgend, s.decision, s.worker_id, s.opgevolgd, s.resultaat,
                  ${listedAtSql('m.id')} AS listed_at
           FROM meldingen m JOIN melding_status s ON s.melding_id = m.id
           WHERE m.month BETWEEN ? AND ?${gemeente('m.gemeente_id').sql} ORDER BY m.id`,
        )
        .all(period.from, period.to, ...gemeente('m.gemeente_id').params) as Array<{
        id: number;
        household_id: number;
        category: Category;
        opeenvolgend: number;
        decision: StatsMelding['decision'];
        worker_id: number | null;
        opgevolgd: number;
        resultaat: StatsMelding['resultaat'];
        listed_at: string;
      }>
    ).map(
      (row): StatsMelding => ({
        id: row.id,
        householdId: row.household_id,
        category: row.category,
        opeenvolgend: row.opeenvolgend === 1,
        decision: row.decision,
        workerId: row.worker_id,
        opgevolgd: row.opgevolgd === 1,
        resultaat: row.resultaat,
        listedOn: localIsoDate(new Date(row.listed_at)),
      }),
    );
    const signals = (
      this.db
        .prepare(
          `SELECT melding_id, signaalpartner, leeftijdsgroep FROM signals
           WHERE month BETWEEN ? AND ?${gemeente('gemeente_id').sql} ORDER BY melding_id, source_line`,
        )
        .all(period.from, period.to, ...gemeente('gemeente_id').params) as Array<{ melding_id: number; signaalpartner: StatsSignal['signaalpartner']; leeftijdsgroep: StatsSignal['ageGroup'] }>
    ).map((row): StatsSignal => ({ meldingId: row.melding_id, signaalpartner: row.signaalpartner, ageGroup: row.leeftijdsgroep }));
    const contacts = (
      this.db
        .prepare(
          `SELECT c.melding_id, c.soort, c.bereikt, c.datum FROM contacts c JOIN meldingen m ON m.id = c.melding_id
           WHERE m.month BETWEEN ? AND ?${gemeente('m.gemeente_id').sql}`,
        )
        .all(period.from, period.to, ...gemeente('m.gemeente_id').params) as Array<{ melding_id: number; soort: StatsContact['soort']; bereikt: number; datum: string }>
    ).map((row): StatsContact => ({ meldingId: row.melding_id, soort: row.soort, bereikt: row.bereikt === 1, datum: row.datum }));
    return { meldingen, signals, contacts };
  }

  async ddasData(period: Period, gemeenteId?: number): Promise<DdasMeldingInput[]> {
    const gemeente = (column: string) => ofGemeente(column, gemeenteId);
    const meldingen = this.db
      .prepare(
        `SELECT m.id, m.month, m.seq, s.decision, s.resultaat, d.decided_at, r.closed_on,
                (SELECT min(i.imported_at) FROM signals x JOIN imports i ON i.id = x.import_id WHERE x.melding_id = m.id) AS matched_at
         FROM meldingen m
         JOIN melding_status s ON s.melding_id = m.id
         LEFT JOIN decisions d ON d.melding_id = m.id
         LEFT JOIN results r ON r.melding_id = m.id
         WHERE m.month BETWEEN ? AND ?${gemeente('m.gemeente_id').sql} ORDER BY m.month, m.seq`,
      )
      .all(period.from, period.to, ...gemeente('m.gemeente_id').params) as Array<{
      id: number;
      month: Month;
      seq: number;
      decision: DdasMeldingInput['decision'];
      resultaat: DdasMeldingInput['resultaat'];
      decided_at: string | null;
      closed_on: string | null;
      matched_at: string;
    }>;
    const signals = groupBy(
      this.db
        .prepare(
          `SELECT x.melding_id, x.ddas_id, x.crisissignaal, x.warme_overdracht, x.bedrag_cents, x.ontstaansdatum,
                  x.signaaldatum, x.signaalpartner, x.bsn, h.postcode, h.huisnummer, h.toevoeging, x.geboortedatum, x.geslacht
           FROM signals x JOIN meldingen m ON m.id = x.melding_id JOIN households h ON h.id = m.household_id
           WHERE x.month BETWEEN ? AND ?${gemeente('x.gemeente_id').sql} ORDER BY x.melding_id, x.source_line`,
        )
        .all(period.from, period.to, ...gemeente('x.gemeente_id').params) as Array<{
        melding_id: number;
        ddas_id: string;
        crisissignaal: number;
        warme_overdracht: number;
        bedrag_cents: number;
        ontstaansdatum: string | null;
        signaaldatum: string;
        signaalpartner: DdasSignalInput['signaalpartner'];
        bsn: string | null;
        postcode: string;
        huisnummer: string;
        toevoeging: string;
        geboortedatum: string | null;
        geslacht: DdasSignalInput['geslacht'];
      }>,
      (row) => row.melding_id,
      (row): DdasSignalInput => ({
        id: row.ddas_id,
        crisissignaal: row.crisissignaal === 1,
        warmeOverdracht: row.warme_overdracht === 1,
        bedragCents: row.bedrag_cents,
        ontstaansdatum: row.ontstaansdatum,
        signaaldatum: row.signaaldatum,
        signaalpartner: row.signaalpartner,
        bsn: row.bsn,
        postcode: row.postcode,
        huisnummer: row.huisnummer,
        toevoeging: row.toevoeging,
        geboortedatum: row.geboortedatum,
        geslacht: row.geslacht,
      }),
    );
    const contacts = groupBy(
      this.db
        .prepare(
          `SELECT c.melding_id, c.soort, c.bereikt, c.datum, c.dagdeel FROM contacts c JOIN meldingen m ON m.id = c.melding_id
           WHERE m.month BETWEEN ? AND ?${gemeente('m.gemeente_id').sql} ORDER BY c.melding_id, c.datum, c.id`,
        )
        .all(period.from, period.to, ...gemeente('m.gemeente_id').params) as Array<{
        melding_id: number;
        soort: DdasMeldingInput['contacts'][number]['soort'];
        bereikt: number;
        datum: string;
        dagdeel: DdasMeldingInput['contacts'][number]['dagdeel'];
      }>,
      (row) => row.melding_id,
      (row) => ({ soort: row.soort, bereikt: row.bereikt === 1, datum: row.datum, dagdeel: row.dagdeel }),
    );
    return meldingen.map((m) => ({
      ref: formatRef(m.month, m.seq),
      month: m.month,
      decision: m.decision,
      decidedOn: m.decision === 'altijd' || m.decision === 'capaciteit' ? localIsoDate(new Date(m.decided_at!)) : null,
      resultaat: m.resultaat,
      closedOn: m.closed_on,
      matchedOn: localIsoDate(new Date(m.matched_at)),
      signals: signals.get(m.id) ?? [],
      contacts: contacts.get(m.id) ?? [],
    }));
  }

  async monthOverview(gemeenteId?: number): Promise<MonthOverview[]> {
    // Not through melding_status: one pass over the index on (month, category, opgevolgd) with
    // each melding's decision, a look in results only for a deferred one, and the results
    // (few) counted from their side.
    const gemeente = ofGemeente('m.gemeente_id', gemeenteId);
    const rows = this.db
      .prepare(
        `SELECT m.month,
                count(*) AS received,
                sum(d.kind IN ('altijd', 'capaciteit')) AS assigned,
                sum(m.opgevolgd) AS followed_up,
                sum(CASE WHEN d.kind = 'uitgesteld' AND m.opgevolgd = 0
                         THEN NOT EXISTS (SELECT 1 FROM results r WHERE r.melding_id = m.id) ELSE 0 END) AS deferred
         FROM meldingen m LEFT JOIN decisions d ON d.melding_id = m.id
         WHERE true${gemeente.sql}
         GROUP BY m.month ORDER BY m.month`,
      )
      .all(...gemeente.params) as Array<{ month: Month; received: number; assigned: number | null; followed_up: number; deferred: number }>;
    const closed = new Map(
      (
        this.db
          .prepare(`SELECT m.month, count(*) AS closed FROM results r CROSS JOIN meldingen m ON m.id = r.melding_id WHERE true${gemeente.sql} GROUP BY m.month`)
          .all(...gemeente.params) as Array<{ month: Month; closed: number }>
      ).map((row) => [row.month, row.closed]),
    );
    // A month counts as triaged when each gemeente's list of it was.
    const triaged = new Set(
      gemeenteId === undefined
        ? await this.triagedMonths()
        : (this.db.prepare('SELECT month FROM triage_runs WHERE gemeente_id = ?').pluck().all(gemeenteId) as Month[]),
    );
    return rows.map((row) => ({
      month: row.month,
      received: row.received,
      triaged: triaged.has(row.month),
      assigned: row.assigned ?? 0,
      followedUp: row.followed_up,
      deferred: row.deferred,
      closed: closed.get(row.month) ?? 0,
    }));
  }

  async triagedMonths(): Promise<Month[]> {
    // Only the triage runs and, per run, whether some gemeente's list of that month went
    // without one: a few lookups per month in the gemeente index instead of every melding.
    return this.db
      .prepare(
        `SELECT DISTINCT t.month FROM triage_runs t
         WHERE EXISTS (SELECT 1 FROM meldingen m WHERE m.month = t.month)
           AND NOT EXISTS (
             SELECT 1 FROM gemeenten g
             WHERE EXISTS (SELECT 1 FROM meldingen m WHERE m.gemeente_id = g.id AND m.month = t.month)
               AND NOT EXISTS (SELECT 1 FROM triage_runs u WHERE u.month = t.month AND u.gemeente_id = g.id)
           )
         ORDER BY t.month`,
      )
      .pluck()
      .all() as Month[];
  }

  async pastContactTermCounts(listedBefore: string): Promise<Map<Month, number>> {
    // Open means picked, not opgevolgd (so without any attempt) and without a result.
    const rows = this.db
      .prepare(
        `SELECT m.month, count(*) AS past_term FROM meldingen m JOIN melding_status s ON s.melding_id = m.id
         WHERE m.opgevolgd = 0 AND s.open = 1 AND m.purged_at IS NULL AND ${listedAtSql('m.id')} < ?
         GROUP BY m.month`,
      )
      .all(listedBefore) as Array<{ month: Month; past_term: number }>;
    return new Map(rows.map((row) => [row.month, row.past_term]));
  }

  async importedMonths(gemeenteId?: number): Promise<Set<Month>> {
    if (gemeenteId !== undefined) {
      const months = this.db.prepare('SELECT DISTINCT month FROM meldingen WHERE gemeente_id = ?').pluck().all(gemeenteId) as Month[];
      return new Set(months);
    }
    // From one month to the next in the index on month, instead of reading every melding.
    const rows = this.db
      .prepare(
        `WITH RECURSIVE imported (month) AS (
           SELECT min(month) FROM meldingen
           UNION ALL
           SELECT (SELECT min(month) FROM meldingen WHERE month > imported.month) FROM imported WHERE month IS NOT NULL
         )
         SELECT month FROM imported WHERE month IS NOT NULL`,
      )
      .all() as Array<{ month: Month }>;
    return new Set(rows.map((row) => row.month));
  }
}
