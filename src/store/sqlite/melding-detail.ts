import type Database from 'better-sqlite3';
import { maskBsn } from '../../core/fields/bsn.js';
import type { Dagdeel } from '../../core/followup.js';
import { formatRef } from '../../core/reference.js';
import type { DecisionKind } from '../../core/triage/types.js';
import type { Month } from '../../core/types.js';
import { formatAddress } from '../../core/worklist.js';
import type { ContactRecord, MeldingDetail } from '../store.js';
import { SIGNAL_PERSON_COLUMNS, signalPersonName, type SignalPersonRow } from './signal-person.js';

// One melding as its page shows it: signals, decision, attempts, result, and the household's
// other meldingen (the chain the import links). The BSN leaves the store masked.

interface MeldingRow {
  id: number;
  month: Month;
  seq: number;
  household_id: number;
  category: MeldingDetail['category'];
  opeenvolgend: number;
  on_last_month: number;
  purged_at: string | null;
  postcode: string;
  huisnummer: string | null;
  toevoeging: string | null;
}

interface SignalRow extends SignalPersonRow {
  signaalpartner: string;
  schuldeiser: string | null;
  bedrag_cents: number;
  signaaldatum: string;
}

export class SqliteMeldingDetail {
  constructor(private readonly db: Database.Database) {}

  async meldingDetail(ref: { month: Month; seq: number }): Promise<MeldingDetail | undefined> {
    const m = this.db
      .prepare(
        `SELECT m.id, m.month, m.seq, m.household_id, m.category, m.opeenvolgend, m.on_last_month, m.purged_at,
                h.postcode, h.huisnummer, h.toevoeging
         FROM meldingen m JOIN households h ON h.id = m.household_id WHERE m.month = ? AND m.seq = ?`,
      )
      .get(ref.month, ref.seq) as MeldingRow | undefined;
    if (m === undefined) return undefined;
    const decision = this.db
      .prepare(
        `SELECT d.kind, d.reason, d.decided_at, w.name AS worker FROM decisions d LEFT JOIN workers w ON w.id = d.worker_id WHERE d.melding_id = ?`,
      )
      .get(m.id) as { kind: DecisionKind; reason: string; decided_at: string; worker: string | null } | undefined;
    const signals = this.db
      .prepare(
        `SELECT signaalpartner, schuldeiser, bedrag_cents, signaaldatum, ${SIGNAL_PERSON_COLUMNS}
         FROM signals WHERE melding_id = ? ORDER BY source_line`,
      )
      .all(m.id) as SignalRow[];
    const contacts = this.db
      .prepare('SELECT soort, bereikt, datum, tijd, dagdeel, notitie, recorded_at FROM contacts WHERE melding_id = ? ORDER BY datum, tijd, id')
      .all(m.id) as Array<{ soort: ContactRecord['soort']; bereikt: number; datum: string; tijd: string | null; dagdeel: Dagdeel | null; notitie: string | null; recorded_at: string }>;
    const result = this.db
      .prepare('SELECT resultaat, referred_to, closed_on, source FROM results WHERE melding_id = ?')
      .get(m.id) as { resultaat: string; referred_to: string | null; closed_on: string; source: 'medewerker' | 'triage' | 'sluiting' } | undefined;
    const history = this.db
      .prepare(
        `SELECT s.month, m.seq, s.decision, s.resultaat, s.opgevolgd FROM meldingen m JOIN melding_status s ON s.melding_id = m.id
         WHERE m.household_id = ? AND m.id <> ? ORDER BY m.month_index`,
      )
      .all(m.household_id, m.id) as Array<{ month: Month; seq: number; decision: DecisionKind | null; resultaat: string | null; opgevolgd: number }>;
    return {
      id: m.id,
      ref: formatRef(m.month, m.seq),
      month: m.month,
      category: m.category,
      opeenvolgend: m.opeenvolgend === 1,
      onLastMonth: m.on_last_month === 1,
      purged: m.purged_at !== null,
      decision: decision === undefined ? null : { kind: decision.kind, reason: decision.reason, worker: decision.worker, decidedAt: decision.decided_at },
      signals: signals.map((s) => ({
        signaalpartner: s.signaalpartner,
        schuldeiser: s.schuldeiser,
        bedragCents: s.bedrag_cents,
        signaaldatum: s.signaaldatum,
        naam: signalPersonName(s),
        adres:
          m.huisnummer === null
            ? `${m.postcode} (adres verwijderd)`
            : formatAddress({ straatnaam: s.straatnaam, huisnummer: m.huisnummer, toevoeging: m.toevoeging ?? '', postcode: m.postcode, plaatsnaam: s.plaatsnaam, naam: null, telefoon: null, email: null, bsn: null }),
        telefoon: s.telefoon,
        email: s.email,
        bsn: s.bsn === null ? null : maskBsn(s.bsn),
      })),
      contacts: contacts.map((c) => ({ soort: c.soort, bereikt: c.bereikt === 1, datum: c.datum, tijd: c.tijd, dagdeel: c.dagdeel, notitie: c.notitie, recordedAt: c.recorded_at })),
      result: result === undefined ? null : { resultaat: result.resultaat, referredTo: result.referred_to, closedOn: result.closed_on, source: result.source },
      history: history.map((h) => ({ ref: formatRef(h.month, h.seq), month: h.month, decision: h.decision, resultaat: h.resultaat, opgevolgd: h.opgevolgd === 1 })),
    };
  }
}
