import { formatRef, parseRef } from '../core/reference.js';
import type { AuditRecord, MeldingDetail, Store } from '../store/store.js';

/**
 * Opens one melding for reading. Opening is audited (who looked at which melding, never what it
 * holds): the melding page shows personal data.
 */
export async function openMelding(store: Store, ref: string): Promise<{ melding: MeldingDetail; changes: AuditRecord[] } | undefined> {
  const parsed = parseRef(ref);
  if (parsed === null || formatRef(parsed.month, parsed.seq) !== ref) return undefined;
  const melding = await store.meldingDetail(parsed);
  if (melding === undefined) return undefined;
  await store.transaction((tx) => tx.appendAudit({ counts: { geopend: 1 } }));
  // Who did what: the changes the audit trail holds for this melding.
  return { melding, changes: await store.auditOfMelding(ref) };
}
