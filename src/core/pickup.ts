import { DataError, UsageError } from './errors.js';
import type { Eindresultaat } from './followup.js';
import { isNotPickedUpResult, isPickedUp } from './followup-rules.js';
import type { DecisionKind, DecisionRule } from './triage/types.js';

// Picking a melding up by hand (`pickup`): a worker who wants to work on a melding the triage
// deferred or did not pick up, or that was closed as "Niet opgepakt", takes it on explicitly.
// It then counts as picked up (capaciteit: it takes this worker's time) and keeps its worker
// when the month is triaged again; its Niet opgepakt result goes.

export interface PickupState {
  ref: string;
  decision: DecisionKind | null;
  workerId: number | null;
  resultaat: Eindresultaat | null;
}

export interface PickupDecision {
  kind: DecisionKind;
  rule: DecisionRule;
  reason: string;
  workerId: number;
}

export interface PickupPlan {
  decision: PickupDecision;
  workerName: string;
  /** The Niet opgepakt result the pickup removes, if any. */
  removedResult: Eindresultaat | null;
}

/**
 * Plans a pickup. `worker` is the worker named with --worker (null when not given); without one,
 * the melding's own worker or else the only active worker takes it.
 */
export function planPickup(
  state: PickupState,
  worker: { id: number; name: string } | null,
  activeWorkers: ReadonlyArray<{ id: number; name: string }>,
): PickupPlan {
  if (state.decision === null) {
    throw new DataError(`Melding ${state.ref} is nog niet getrieerd.`, { hint: `Trieer eerst: eropaf triage --month ${state.ref.slice(0, 7)}.` });
  }
  if (isPickedUp(state)) {
    throw new DataError(`Melding ${state.ref} is al opgepakt.`, {
      hint: `Leg de opvolging vast met eropaf contact ${state.ref} of eropaf close ${state.ref}.`,
    });
  }
  // A worker who left has no open work (their work was handed over): none comes to them either.
  if (worker !== null && !activeWorkers.some((w) => w.id === worker.id)) {
    throw new DataError(`${worker.name} staat op non-actief en kan geen melding oppakken.`, {
      hint: `Activeer eerst met: eropaf workers activate "${worker.name}", of kies een actieve collega met --worker.`,
    });
  }
  const chosen = worker ?? chooseWorker(state, activeWorkers);
  const picked = state.decision === 'altijd' || state.decision === 'capaciteit';
  return {
    decision: {
      kind: picked ? state.decision : 'capaciteit',
      rule: 'opgepakt',
      reason: `alsnog opgepakt door ${chosen.name}`,
      workerId: chosen.id,
    },
    workerName: chosen.name,
    removedResult: isNotPickedUpResult(state.resultaat) ? state.resultaat : null,
  };
}

/** The melding has no active worker of its own and several are active: someone must choose one. */
export class WorkerChoiceNeeded extends UsageError {}

function chooseWorker(state: PickupState, active: ReadonlyArray<{ id: number; name: string }>): { id: number; name: string } {
  const own = active.find((w) => w.id === state.workerId);
  if (own !== undefined) return own;
  if (active.length === 1) return active[0]!;
  const Refusal = active.length === 0 ? UsageError : WorkerChoiceNeeded;
  throw new Refusal(`Wie pakt melding ${state.ref} op? Geef --worker NAAM.`, {
    hint: active.length === 0 ? 'Voeg eerst een medewerker toe: eropaf workers add NAAM --capacity N.' : `Medewerkers: ${active.map((w) => w.name).join(', ')}.`,
  });
}
