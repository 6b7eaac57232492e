// A corrected list for a month already worked on (`import --replace`). What the workers recorded
// stays with every household that is still on the new list: its follow-up, its worker and its
// triage decision. A household is matched by kenmerk (the municipality's signal id: a corrected
// address keeps its work), else by its address. Only what hangs on households no longer on the
// list is lost, and only that needs --force.

import { DataError } from '../errors.js';
import type { Month } from '../types.js';

/** A melding of the month's current list, with where the new list has it. */
export interface ReplacedMelding {
  meldingId: number;
  ref: string;
  householdKey: string;
  /** the new list's households that carry one of this melding's kenmerken */
  kenmerkHouseholds: readonly string[];
  /** its own address is on the new list */
  householdOnNewList: boolean;
  /** what was recorded for it */
  decided: boolean;
  contacts: number;
  workerResults: number;
}

export interface LostFollowUp {
  ref: string;
  contacts: number;
  results: number;
}

export interface ReplacementPlan {
  /** meldingen whose decision and follow-up move to the new list's melding of this household */
  carried: Array<{ meldingId: number; householdKey: string }>;
  /** recorded follow-up of households no longer on the list, in ref order */
  lost: LostFollowUp[];
}

function hasWork(m: ReplacedMelding): boolean {
  return m.decided || m.contacts > 0 || m.workerResults > 0;
}

/**
 * Matches the current list's meldingen to the new list's households: by kenmerk first (the
 * lowest household key when kenmerken went to several), else by address. One household takes
 * one earlier melding: the one at its own address, else the lowest id; any other is lost.
 */
export function planReplacement(meldingen: readonly ReplacedMelding[]): ReplacementPlan {
  const byTarget = new Map<string, ReplacedMelding[]>();
  const unmatched: ReplacedMelding[] = [];
  for (const m of meldingen) {
    if (!hasWork(m)) continue;
    const target = [...m.kenmerkHouseholds].sort()[0] ?? (m.householdOnNewList ? m.householdKey : null);
    if (target === null) unmatched.push(m);
    else byTarget.set(target, [...(byTarget.get(target) ?? []), m]);
  }
  const carried: ReplacementPlan['carried'] = [];
  for (const [householdKey, candidates] of byTarget) {
    const sorted = [...candidates].sort(
      (a, b) => Number(b.householdKey === householdKey) - Number(a.householdKey === householdKey) || a.meldingId - b.meldingId,
    );
    carried.push({ meldingId: sorted[0]!.meldingId, householdKey });
    unmatched.push(...sorted.slice(1));
  }
  const lost = unmatched
    .filter((m) => m.contacts > 0 || m.workerResults > 0)
    .map((m) => ({ ref: m.ref, contacts: m.contacts, results: m.workerResults }))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  carried.sort((a, b) => a.meldingId - b.meldingId);
  return { carried, lost };
}

/** Refuses to throw away recorded follow-up without --force, naming the meldingen it hangs on. */
export function lostFollowUpRefusal(month: Month, lost: readonly LostFollowUp[]): DataError {
  const shown = lost.slice(0, 20).map((l) => `${l.ref}: ${l.contacts} ${l.contacts === 1 ? 'contactpoging' : 'contactpogingen'}${l.results > 0 ? ', een resultaat' : ''}`);
  return new DataError(
    `Voor ${month} is opvolging vastgelegd bij ${lost.length} ${lost.length === 1 ? 'huishouden dat' : 'huishoudens die'} niet meer op de nieuwe lijst ${lost.length === 1 ? 'staat' : 'staan'}; vervangen zou die opvolging weggooien. Er is niets ingelezen.`,
    {
      details: [...shown, ...(lost.length > shown.length ? [`… en nog ${lost.length - shown.length}.`] : [])],
      hint: 'De opvolging van huishoudens die wel op de nieuwe lijst staan, blijft. Controleer of dit de goede lijst is; gebruik --replace --force als deze opvolging echt weg mag, of --aanvulling als het bestand alleen signalen toevoegt.',
    },
  );
}
