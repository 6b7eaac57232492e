import { DataError } from '../core/errors.js';
import { planFollowUp, type FollowUpEntry, type FollowUpPlan } from '../core/followup-plan.js';
import { formatRef, parseRef } from '../core/reference.js';
import type { MeldingState, Store } from '../store/store.js';

/** Where an entry came from, for messages: a line of a file, or the command line. */
export type EntrySource = { line: number; header: string } | null;

/**
 * Records follow-up entries: every reference is checked first, then the plan is applied in
 * one transaction. Any unknown or untriaged melding stops everything before anything is written.
 */
export async function recordFollowUp(
  store: Store,
  given: ReadonlyArray<{ entry: FollowUpEntry; source: EntrySource; file?: string }>,
  options: { dryRun: boolean; now: () => string; inputSha256?: string },
): Promise<FollowUpPlan> {
  // References in their canonical form: parseRef accepts 2022-03-17 for 2022-03-017, and the
  // stored state is known under the latter.
  const entries = given.map((e) => {
    const ref = parseRef(e.entry.ref)!;
    return { ...e, entry: { ...e.entry, ref: formatRef(ref.month, ref.seq) } };
  });
  const refs = [...new Set(entries.map((e) => e.entry.ref))];
  const planAgainstStore = async (): Promise<FollowUpPlan> => {
    const states = await store.meldingStates(refs.map((ref) => parseRef(ref)!));
    assertRecordable(entries, states);
    return planFollowUp(
      entries.map((e) => e.entry),
      states,
    );
  };
  if (options.dryRun) return planAgainstStore();
  // Read, plan and write in one transaction: a second eropaf recording at the same moment waits
  // and then plans against what this one stored, so nothing is recorded twice.
  return store.transaction(async () => {
    const plan = await planAgainstStore();
    const recordedAt = options.now();
    for (const { meldingId, contact } of plan.contacts) await store.addContact(meldingId, contact, recordedAt);
    for (const { meldingId, result } of plan.results) await store.setResult(meldingId, result, recordedAt);
    await store.appendAudit({
      counts: { contactpogingen: plan.contacts.length, resultaten: plan.results.length, al_vastgelegd: plan.alreadyRecorded },
      ...(options.inputSha256 !== undefined && { inputSha256: options.inputSha256 }),
    });
    return plan;
  });
}

/** Every entry must name a melding that exists and whose month has been triaged. */
function assertRecordable(
  entries: ReadonlyArray<{ entry: FollowUpEntry; source: EntrySource; file?: string }>,
  states: readonly MeldingState[],
): void {
  const known = new Map(states.map((s) => [s.ref, s]));
  const problems: string[] = [];
  const untriaged = new Set<string>();
  for (const { entry, source, file } of entries) {
    const state = known.get(entry.ref);
    const where = source === null ? '' : `${file ?? ''} regel ${source.line}, kolom "${source.header}": `;
    if (state === undefined) {
      problems.push(`${where}melding ${entry.ref} bestaat niet.`);
    } else if (state.decision === null) {
      untriaged.add(state.month);
      problems.push(`${where}de lijst van ${state.month} is nog niet getrieerd (melding ${entry.ref}).`);
    }
  }
  if (problems.length === 0) return;
  const hint =
    untriaged.size > 0
      ? `Trieer eerst: ${[...untriaged].sort().map((month) => `eropaf triage --month ${month}`).join(', ')}.`
      : 'Controleer het meldingnummer (zoals 2022-03-017) op de werklijst; "eropaf worklist --month JJJJ-MM" toont ze.';
  throw new DataError(
    problems.length === 1 ? `Kan niet vastleggen: ${problems[0]}` : 'Kan niet vastleggen; er is niets opgeslagen:',
    { ...(problems.length > 1 && { details: problems }), hint },
  );
}
