// The planner's compact record of one melding's decision, and the list that turns those records
// into Decisions (with their Dutch reasons) only when they are read. The reason is a function of
// the record and a few month-wide numbers, so nothing is lost by building it late.

import type { Eindresultaat } from '../followup.js';
import type { AlwaysRule } from './always.js';
import type { MeldingFacts } from './facts.js';
import type { NotPickedUpFinding } from './not-picked-up.js';
import type { Ranked } from './priority.js';
import { alwaysReason, capacityReason, deferredReason, joinedReason, keptReason, notPickedUpReason } from './reasons.js';
import type { Decision, DecisionKind, DecisionList, DecisionOutline, DecisionRule, PriorityKey } from './types.js';

/** One melding once its signals and history are read: the facts its reason shows, and its decision. */
export interface Entry extends Ranked, Pick<MeldingFacts, 'organisations'> {
  previousWorkerId: number | null;
  kind: DecisionKind;
  rule: DecisionRule;
  workerId: number | null;
  /** 1-based place in the capacity step's order for 'capaciteit' and 'uitgesteld'; else null */
  place: number | null;
  /** the gemeente whose own share of the capacity this melding competes for; null: the shared capacity */
  pool: number | null;
  /** why a 'niet-opgepakt' decision was made now; null otherwise */
  finding: NotPickedUpFinding | null;
  /** the case this melding joins now (rule 'lopend'); null otherwise */
  joins: { meldingId: number; ref: string } | null;
  /** it is part of a case, joined now or kept from an earlier run: it takes no capacity place */
  joined: boolean;
}

/** What every reason of the month shares: the order and the capacity step's numbers. */
export interface MonthContext {
  order: readonly PriorityKey[];
  /** meldingen that went into the capacity step */
  candidates: number;
  /** what the capacity step could pick */
  room: number;
  /** the same two numbers for each gemeente with a share of its own (Entry.pool) */
  pools: ReadonlyMap<number, { candidates: number; room: number }>;
}

function resultOf(finding: NotPickedUpFinding | null): Eindresultaat | null {
  if (finding === null) return null;
  return finding.rule === 'herhaald' ? 'Niet opgepakt: herhaalde melding' : 'Niet opgepakt: onterecht signaal';
}

function reasonOf(entry: Entry, month: MonthContext): string {
  if (entry.rule === 'behouden') return keptReason(entry.kind);
  if (entry.joins !== null) return joinedReason(entry.joins.ref);
  if (entry.finding !== null) return notPickedUpReason(entry.finding);
  switch (entry.kind) {
    case 'altijd':
      return alwaysReason(entry.rule as AlwaysRule, entry);
    case 'capaciteit':
      return capacityReason(entry.place ?? 0, month.order, entry);
    default:
      return deferredReason(entry.place ?? 0, ...poolFigures(entry, month));
  }
}

function poolFigures(entry: Entry, month: MonthContext): [candidates: number, room: number] {
  const pool = entry.pool === null ? month : (month.pools.get(entry.pool) ?? month);
  return [pool.candidates, pool.room];
}

export function toDecision(entry: Entry, month: MonthContext): Decision {
  // The key order is the order the JSON output has always had.
  return {
    meldingId: entry.id,
    ref: entry.ref,
    kind: entry.kind,
    rule: entry.rule,
    reason: reasonOf(entry, month),
    result: resultOf(entry.finding),
    workerId: entry.workerId,
    kept: entry.rule === 'behouden',
    place: entry.place,
    caseMeldingId: entry.joins?.meldingId ?? null,
  };
}

/** @param entries in ref order; the list reads them, it does not copy them */
export function decisionList(entries: readonly Entry[], month: MonthContext): DecisionList {
  return {
    length: entries.length,
    *[Symbol.iterator]() {
      for (const entry of entries) yield toDecision(entry, month);
    },
    outline(): Iterable<DecisionOutline> {
      return entries;
    },
    toJSON() {
      return entries.map((entry) => toDecision(entry, month));
    },
  };
}
