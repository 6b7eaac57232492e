import type { ContactInput, FollowUpPlan } from '../core/followup-plan.js';
import { isNotPickedUpResult } from '../core/followup-rules.js';

// What recording follow-up says: the counts, and for contact and close each attempt and result
// as recorded, so that a worker sees at once what eropaf understood.

/** One attempt in a line: kind, date, time or part of day, reached. */
export function describeAttempt(contact: ContactInput): string {
  const when = contact.tijd ? ` om ${contact.tijd}` : contact.dagdeel === null ? '' : ` (${contact.dagdeel.toLowerCase()})`;
  return `${contact.soort} op ${contact.datum}${when}, ${contact.bereikt ? 'bereikt' : 'niet bereikt'}`;
}

function count(n: number, one: string, more: string): string {
  return `${n} ${n === 1 ? one : more}`;
}

/**
 * The summary of a plan. With `perMelding` (contact and close, one melding at a time) every
 * recorded attempt and result is echoed as well.
 */
export function describePlan(plan: FollowUpPlan, dryRun: boolean, options: { perMelding: boolean } = { perMelding: true }): string {
  const lines = [
    `${dryRun ? 'Zou vastleggen' : 'Vastgelegd'}: ${count(plan.contacts.length, 'contactpoging', 'contactpogingen')}, ${count(plan.results.length, 'resultaat', 'resultaten')}.`,
  ];
  if (plan.corrections.length > 0) lines.push(`${plan.corrections.length} gewijzigd (een poging die al was vastgelegd, met andere waarden).`);
  if (plan.alreadyRecorded > 0) lines.push(`${plan.alreadyRecorded} al eerder vastgelegd (niet dubbel opgeslagen).`);
  if (options.perMelding) {
    for (const c of plan.contacts) lines.push(`${c.ref}: ${describeAttempt(c.contact)}.`);
    for (const c of plan.corrections) lines.push(`${c.ref}: ${describeAttempt(c.contact)} (was: ${describeAttempt(c.previous)}).`);
    for (const r of plan.results) {
      const referral = r.result.referredTo === null ? '' : `, verwezen naar ${r.result.referredTo}`;
      lines.push(`${r.ref}: afgesloten op ${r.result.closedOn} met "${r.result.resultaat}"${referral}.`);
    }
  } else {
    for (const c of plan.corrections) lines.push(`Poging van ${c.ref} gewijzigd: ${describeAttempt(c.previous)} → ${describeAttempt(c.contact)}.`);
  }
  // A result that replaces a worker's earlier one says what it was (a Niet opgepakt result the
  // triage set is not a worker's choice being overruled).
  for (const r of plan.results) {
    if (r.previous !== null && !isNotPickedUpResult(r.previous)) lines.push(`Resultaat van ${r.ref} gewijzigd: ${r.previous} → ${r.result.resultaat}.`);
  }
  return `${lines.join('\n')}\n`;
}
