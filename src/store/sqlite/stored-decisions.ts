import type Database from 'better-sqlite3';
import type { Eindresultaat } from '../../core/followup.js';
import { formatRef } from '../../core/reference.js';
import type { Decision, DecisionKind, DecisionRule } from '../../core/triage/types.js';
import type { Month } from '../../core/types.js';

type Row = [
  id: number,
  seq: number,
  kind: DecisionKind,
  rule: DecisionRule,
  reason: string,
  place: number | null,
  workerId: number | null,
  result: Eindresultaat | null,
  caseMeldingId: number | null,
];

/** A month's stored triage decisions (of one gemeente, or all) in ref order, as `triage --details` shows them. */
export function storedDecisions(db: Database.Database, month: Month, gemeenteId?: number): Decision[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.seq, d.kind, d.rule, d.reason, d.place, d.worker_id, r.resultaat, d.case_melding_id
       FROM meldingen m JOIN decisions d ON d.melding_id = m.id
       LEFT JOIN results r ON r.melding_id = m.id AND r.source = 'triage'
       WHERE m.month = ? AND (? IS NULL OR m.gemeente_id = ?) ORDER BY m.seq`,
    )
    .raw()
    .all(month, gemeenteId ?? null, gemeenteId ?? null) as Row[];
  return rows.map(([meldingId, seq, kind, rule, reason, place, workerId, result, caseMeldingId]) => ({
    meldingId,
    ref: formatRef(month, seq),
    kind,
    rule,
    reason,
    result,
    workerId,
    kept: false,
    place,
    caseMeldingId,
  }));
}
