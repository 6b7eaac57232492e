import { createHash } from 'node:crypto';
import { ddasRecords, type DdasMeldingInput } from '../../core/report/ddas.js';
import type { Period } from '../../core/report/period.js';
import type { Store } from '../../store/store.js';

// Late results: a result, a contact attempt, a triage or a list recorded after a period was
// delivered changes what CBS should have. Each delivery keeps a hash of what it said about the
// signals and cases; a period whose content now hashes differently is reported, so that the
// coordinator delivers it again. Kept apart from the export itself (and its schema validator),
// because every `months`, `close` and `outcomes` asks.

/** SHA-256 of what a delivery of these meldingen says about them, whatever the delivery time or contact. */
export function deliveryContentSha256(meldingen: readonly DdasMeldingInput[]): string {
  return createHash('sha256').update(JSON.stringify(ddasRecords(meldingen))).digest('hex');
}

/** A delivered period whose content has changed since it was delivered. */
export interface ChangedDelivery {
  period: Period;
  deliveredAt: string;
  gemeentecode: string;
}

/**
 * The delivered periods that a new delivery would now describe differently: a result, a contact
 * attempt, a triage or a list recorded after the latest delivery of the period changed what CBS
 * should have. Periods whose personal data is gone can no longer be delivered and are left out.
 */
export async function changedDeliveries(store: Store): Promise<ChangedDelivery[]> {
  const latest = new Map<string, ChangedDelivery & { sha256: string }>();
  const gemeenten = await store.gemeenten();
  for (const delivery of await store.deliveries()) {
    if (delivery.kind !== 'ddas' || delivery.details === null) continue;
    // A delivery is per gemeente: the latest of each period and gemeente counts.
    latest.set(`${delivery.from}:${delivery.to}:${delivery.details.gemeentecode}`, {
      period: { from: delivery.from, to: delivery.to },
      deliveredAt: delivery.deliveredAt,
      gemeentecode: delivery.details.gemeentecode,
      sha256: delivery.details.contentSha256,
    });
  }
  const changed: ChangedDelivery[] = [];
  for (const { sha256, ...delivery } of latest.values()) {
    // The cheap question first: only when something was recorded since is the content rebuilt.
    if (!(await store.periodChangedSince(delivery.period, delivery.deliveredAt))) continue;
    if ((await store.purgedMonths(delivery.period)).length > 0) continue;
    // The gemeente with the delivery's code; on a database with one gemeente without a code yet, all of it.
    const gemeente = gemeenten.find((g) => g.code === delivery.gemeentecode);
    if (gemeente === undefined && gemeenten.length > 1) continue;
    const meldingen = await store.ddasData(delivery.period, gemeente?.id);
    if (deliveryContentSha256(meldingen) !== sha256) changed.push(delivery);
  }
  return changed;
}
