import { planPickup, type PickupPlan } from '../core/pickup.js';
import type { Store } from '../store/store.js';
import { meldingState } from './melding-state.js';
import { findWorker } from './workers.js';

/**
 * Picks a melding up by hand: assigns it to a worker and removes its Niet opgepakt result, in
 * one transaction with a line in the audit log.
 */
export async function pickUpMelding(
  store: Store,
  ref: string,
  options: { workerName: string | null; now: () => string },
): Promise<PickupPlan & { ref: string }> {
  return store.transaction(async (tx) => {
    const state = await meldingState(tx, ref);
    const worker = options.workerName === null ? null : await findWorker(tx, options.workerName);
    const active = (await tx.workers()).filter((w) => w.active);
    const plan = planPickup(state, worker, active);
    await tx.pickUp(state.id, plan.decision, options.now());
    await tx.appendAudit({ counts: { opgepakt: 1, resultaten_verwijderd: plan.removedResult === null ? 0 : 1 } });
    return { ...plan, ref: state.ref };
  });
}
