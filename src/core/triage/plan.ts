// Planning one month's triage: every melding gets exactly one decision, picked meldingen get a
// worker, and last month's deferred meldingen whose household did not come back are closed.
// A pure function of its input, sorted internally, so that a dry run, a real run and a re-run
// of the same data give the same plan whatever order the store returned the rows in.

import { alwaysRule } from './always.js';
import { createAssigner } from './assign.js';
import { meldingFacts } from './facts.js';
import { notPickedUpFinding } from './not-picked-up.js';
import { compareByRef, priorityComparator, type Ranked } from './priority.js';
import {
  CLOSURE_REASON,
  CLOSURE_REASON_RETURNED,
  alwaysReason,
  capacityReason,
  deferredReason,
  keptReason,
  notPickedUpReason,
} from './reasons.js';
import type { Closure, CurrentDecision, Decision, TriageInput, TriageMelding, TriagePlan } from './types.js';
import { PRIORITY_KEYS } from './types.js';

/**
 * An earlier run's decision stays as it is once work hangs on it: a worker was assigned, a
 * follow-up was recorded or the melding was closed. Anything else is decided afresh, so that a
 * supplementary import or a larger capacity changes the plan.
 */
function isKept(current: CurrentDecision | null): current is CurrentDecision {
  return current !== null && (current.workerId !== null || current.followedUp || current.closed);
}

/**
 * Whether a kept decision takes up this month's capacity: picked meldingen do, and so does a
 * melding that was followed up anyway (the work was done); a deferred or not-picked-up one that
 * was only closed does not.
 */
function takesCapacity(current: CurrentDecision): boolean {
  return current.decision === 'altijd' || current.decision === 'capaciteit' || current.followedUp;
}

function checkInput(input: TriageInput): void {
  // Bugs in the caller, not bad data: the command line validates what the user typed.
  const { capacity, config } = input;
  if (!Number.isSafeInteger(capacity) || capacity < 0) {
    throw new RangeError('triage: capacity must be a whole number >= 0');
  }
  if (!Number.isSafeInteger(config.repeatMonths) || config.repeatMonths < 0) {
    throw new RangeError('triage: repeatMonths must be a whole number >= 0');
  }
  if (config.minAmountCents !== null && (!Number.isSafeInteger(config.minAmountCents) || config.minAmountCents < 0)) {
    throw new RangeError('triage: minAmountCents must be null or a whole number >= 0');
  }
  for (const key of config.order) {
    if (!PRIORITY_KEYS.includes(key)) throw new RangeError(`triage: unknown priority key ${String(key)}`);
  }
  // Duplicates would make the plan depend on the input order.
  if (new Set(input.meldingen.map((m) => m.id)).size !== input.meldingen.length) {
    throw new RangeError('triage: duplicate melding id');
  }
  if (new Set(input.workers.map((w) => w.id)).size !== input.workers.length) {
    throw new RangeError('triage: duplicate worker id');
  }
}

interface Entry extends Ranked {
  decision: Decision;
  /** Picked, open and without a kept worker: gets one in the assignment pass. */
  needsWorker: boolean;
}

function newDecision(melding: TriageMelding, fields: Omit<Decision, 'meldingId' | 'ref'>): Decision {
  return { meldingId: melding.id, ref: melding.ref, ...fields };
}

/**
 * Plans one month: step 1 altijd, step 2 niet-opgepakt (herhaald before onder-drempel), step 3
 * capaciteit in priority order for what the capacity leaves after step 1 and the kept work, step 4
 * uitgesteld; then a worker for every open picked melding, and the closures of last month's
 * deferred meldingen. Throws a RangeError for impossible input (a bug in the caller).
 */
export function planTriage(input: TriageInput): TriagePlan {
  checkInput(input);
  const { month, config, capacity } = input;
  const meldingen = [...input.meldingen].sort(compareByRef);
  const byPriority = priorityComparator(config.order);

  const entries: Entry[] = [];
  const candidates: Ranked[] = [];
  let committed = 0;

  const active = new Set(input.workers.filter((w) => w.active).map((w) => w.id));
  for (const melding of meldingen) {
    const facts = meldingFacts(melding);
    const current = melding.current;
    if (isKept(current)) {
      const picked = current.decision === 'altijd' || current.decision === 'capaciteit';
      if (takesCapacity(current)) committed++;
      // Open work of a worker who is no longer active moves to someone who is (when anyone is);
      // what was followed up or closed stays with who did it.
      const workerGone =
        current.workerId !== null && !active.has(current.workerId) && !current.followedUp && !current.closed && active.size > 0;
      entries.push({
        melding,
        facts,
        needsWorker: picked && !current.closed && (current.workerId === null || workerGone),
        decision: newDecision(melding, {
          kind: current.decision,
          rule: 'behouden',
          reason: keptReason(current.decision),
          result: null,
          workerId: workerGone ? null : current.workerId,
          kept: true,
          place: null,
        }),
      });
      continue;
    }

    const always = alwaysRule(melding, facts);
    if (always !== null) {
      committed++;
      entries.push({
        melding,
        facts,
        needsWorker: true,
        decision: newDecision(melding, {
          kind: 'altijd',
          rule: always,
          reason: alwaysReason(always, facts),
          result: null,
          workerId: null,
          kept: false,
          place: null,
        }),
      });
      continue;
    }

    const notPickedUp = notPickedUpFinding(melding, facts, month, config);
    if (notPickedUp !== null) {
      entries.push({
        melding,
        facts,
        needsWorker: false,
        decision: newDecision(melding, {
          kind: 'niet-opgepakt',
          rule: notPickedUp.rule,
          reason: notPickedUpReason(notPickedUp),
          result:
            notPickedUp.rule === 'herhaald' ? 'Niet opgepakt: herhaalde melding' : 'Niet opgepakt: onterecht signaal',
          workerId: null,
          kept: false,
          place: null,
        }),
      });
      continue;
    }

    candidates.push({ melding, facts });
  }

  // Step 1 and the kept work are never cut; the capacity step gets what is left, if anything.
  const room = Math.max(0, capacity - committed);
  candidates.sort(byPriority);
  candidates.forEach((c, i) => {
    const place = i + 1;
    const picked = i < room;
    entries.push({
      ...c,
      needsWorker: picked,
      decision: newDecision(c.melding, {
        kind: picked ? 'capaciteit' : 'uitgesteld',
        rule: picked ? 'prioriteit' : 'capaciteit-vol',
        reason: picked
          ? capacityReason(place, config.order, c.facts)
          : deferredReason(place, candidates.length, room),
        result: null,
        workerId: null,
        kept: false,
        place,
      }),
    });
  });

  // Assignment: kept workers count first; then altijd before capaciteit, each in priority order,
  // so that when capacity runs short it is the lower-priority meldingen that overload a worker.
  const assigner = createAssigner(
    input.workers,
    entries.flatMap((e) => (e.decision.kept && e.decision.workerId !== null ? [e.decision.workerId] : [])),
  );
  const toAssign = entries.filter((e) => e.needsWorker);
  const kindRank = (e: Entry): number => (e.decision.kind === 'altijd' ? 0 : 1);
  toAssign.sort((a, b) => kindRank(a) - kindRank(b) || byPriority(a, b));
  let unassigned = 0;
  for (const e of toAssign) {
    e.decision.workerId = assigner.assign(e.melding.previousWorkerId);
    if (e.decision.workerId === null) unassigned++;
  }

  const decisions = entries.sort((a, b) => compareByRef(a.melding, b.melding)).map((e) => e.decision);
  const count = (kind: Decision['kind']): number => decisions.filter((d) => d.kind === kind).length;

  return {
    month,
    decisions,
    closures: planClosures(input),
    figures: {
      capacity,
      alwaysCount: count('altijd'),
      pickedByCapacity: count('capaciteit'),
      notPickedUp: count('niet-opgepakt'),
      deferred: count('uitgesteld'),
      remainingCapacity: room,
      overCapacityBy: Math.max(0, committed - capacity),
      unassigned,
    },
  };
}

/**
 * Last month's deferred meldingen are never picked up in their own month, so each is closed as
 * not picked up for lack of capacity (the national "andere reden" covers "not enough staff").
 * Where the household is back on this month's list, its follow-up goes on through the new
 * melding (picked "always"); otherwise the promise to follow it up "if it comes back" lapses.
 */
function planClosures(input: TriageInput): Closure[] {
  const present = new Set(input.meldingen.map((m) => m.householdId));
  const seen = new Set<number>();
  return [...input.deferredLastMonth]
    .sort(compareByRef)
    .filter((d) => {
      if (seen.has(d.id)) return false;
      seen.add(d.id);
      return true;
    })
    .map((d) => ({
      meldingId: d.id,
      ref: d.ref,
      result: 'Niet opgepakt: andere reden',
      reason: present.has(d.householdId) ? CLOSURE_REASON_RETURNED : CLOSURE_REASON,
    }));
}
