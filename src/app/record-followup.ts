import { DataError } from '../core/errors.js';
import { planFollowUp, type FollowUpEntry, type FollowUpPlan } from '../core/followup-plan.js';
import { parseRef } from '../core/reference.js';
import type { MeldingState, Store } from '../store/store.js';

/** Where an entry came from, for messages: a line of a file, or the command line. */
export type EntrySource = { line: number; header: string } | null;

/**
 * Records follow-up entries: every reference is checked first, then the plan is applied in
 * one transaction. Any unknown or untriaged melding stops everything before anything is written.
 */
export async function recordFollowUp(
  store: Store,
  entries: ReadonlyArray<{ entry: FollowUpEntry; source: EntrySource; file?: string }>,
  options: { dryRun: boolean; now: () => string; inputSha256?: string },
): Promise<FollowUpPlan> {
  const refs = [...new Set(entries.map((e) => e.entry.ref))];
  const states = await store.meldingStates(refs.map((ref) => parseRef(ref)!));
  const known = new Map(states.map((s) => [s.ref, s]));
  const problems: string[] = [];
  for (const { entry, source, file } of entries) {
    const state = known.get(entry.ref);
    const where = source === null ? '' : `${file ?? ''} regel ${source.line}, kolom "${source.header}": `;
    if (state === undefined) {
      problems.push(`${where}melding ${entry.ref} bestaat niet.`);
    } else if (state.decision === null) {
      problems.push(`${where}de lijst van ${state.month} is nog niet getrieerd (melding ${entry.ref}).`);
    }
  }
  if (problems.length > 0) {
    throw new DataError(
      problems.length === 1 ? `Kan niet vastleggen: ${problems[0]}` : `Kan niet vastleggen; er is niets opgeslagen:`,
      {
        ...(problems.length > 1 && { details: problems }),
        hint: 'Controleer het meldingnummer (zoals 2022-03-017) op de werklijst. Een nieuwe maand moet eerst getrieerd worden: eropaf triage --month JJJJ-MM.',
      },
    );
  }
  const plan = planFollowUp(
    entries.map((e) => e.entry),
    states as MeldingState[],
  );
  if (!options.dryRun) {
    await store.transaction(async () => {
      const recordedAt = options.now();
      for (const { meldingId, contact } of plan.contacts) await store.addContact(meldingId, contact, recordedAt);
      for (const { meldingId, result } of plan.results) await store.setResult(meldingId, result, recordedAt);
      await store.appendAudit({
        counts: { contactpogingen: plan.contacts.length, resultaten: plan.results.length, al_vastgelegd: plan.alreadyRecorded },
        ...(options.inputSha256 !== undefined && { inputSha256: options.inputSha256 }),
      });
    });
  }
  return plan;
}
