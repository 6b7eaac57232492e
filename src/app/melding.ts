import { formatRef, parseRef } from '../core/reference.js';
import type { MeldingDetail, Store } from '../store/store.js';

/**
 * Opens one melding for reading. Opening is audited (who looked at which melding, never what it
 * holds): the melding page shows personal data.
 */
export async function openMelding(store: Store, ref: string): Promise<MeldingDetail | undefined> {
  const parsed = parseRef(ref);
  if (parsed === null || formatRef(parsed.month, parsed.seq) !== ref) return undefined;
  const detail = await store.meldingDetail(parsed);
  if (detail !== undefined) await store.transaction(() => store.appendAudit({ counts: { geopend: 1 } }));
  return detail;
}
