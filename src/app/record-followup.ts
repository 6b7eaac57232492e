import { DataError } from '../core/errors.js';
import { planFollowUp, type FollowUpEntry, type FollowUpPlan } from '../core/followup-plan.js';
import { attemptDateProblem, isNotPickedUpResult, isPickedUp, resultConflict } from '../core/followup-rules.js';
import { formatRef, parseRef } from '../core/reference.js';
import type { IsoDate } from '../core/types.js';
import type { MeldingState, Store } from '../store/store.js';

/** Where an entry came from, for messages: a line of a file, or the command line. */
export type EntrySource = { line: number; header: string } | null;

/** One thing wrong with the input; `line` orders the problems of a file. */
export interface FollowUpProblem {
  line: number | null;
  text: string;
}

export interface RecordOptions {
  dryRun: boolean;
  now: () => string;
  today: IsoDate;
  inputSha256?: string;
  /** Problems found before (the format of a file's rows), reported together with these. */
  earlierProblems?: readonly FollowUpProblem[];
  /** Builds the error for the problems; by default one message for the command line. */
  refuse?: (problems: readonly FollowUpProblem[], hints: readonly string[]) => Error;
}

type Given = { entry: FollowUpEntry; source: EntrySource; file?: string };

/**
 * Records follow-up entries: every entry is checked against the rules first (the melding exists,
 * was triaged and picked up, the attempt's date fits, the result agrees), then the plan is applied
 * in one transaction. Any problem stops everything before anything is written.
 */
export async function recordFollowUp(store: Store, given: readonly Given[], options: RecordOptions): Promise<FollowUpPlan> {
  // References in their canonical form: parseRef accepts 2022-03-17 for 2022-03-017, and the
  // stored state is known under the latter.
  const entries = given.map((e) => {
    const ref = parseRef(e.entry.ref)!;
    return { ...e, entry: { ...e.entry, ref: formatRef(ref.month, ref.seq) } };
  });
  const refs = [...new Set(entries.map((e) => e.entry.ref))];
  // Reads through `from`: the store for a dry run, the transaction's handle for the real run.
  const planAgainstStore = async (from: Store): Promise<FollowUpPlan> => {
    const states = await from.meldingStates(refs.map((ref) => parseRef(ref)!));
    const { problems, hints } = checkEntries(entries, states, options.today);
    // Entries of unknown meldingen are already problems; the plan is made of the others.
    const known = new Set(states.map((s) => s.ref));
    const recordable = entries.filter((e) => known.has(e.entry.ref));
    const plan = planFollowUp(
      recordable.map((e) => e.entry),
      states,
      options.today,
    );
    for (const index of plan.ambiguous) {
      const { entry, source, file } = recordable[index]!;
      problems.push({
        line: source?.line ?? null,
        text: `${where(source, file)}er zijn op die dag meer pogingen van deze soort; vul de tijd in (zoals 14:30).`,
      });
      hints.add(`"eropaf attempts ${entry.ref}" toont de pogingen met hun tijd.`);
    }
    const all = [...(options.earlierProblems ?? []), ...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (all.length > 0) throw (options.refuse ?? refuseOnCommandLine)(all, [...hints]);
    return plan;
  };
  if (options.dryRun) return planAgainstStore(store);
  // Read, plan and write in one transaction: a second eropaf recording at the same moment waits
  // and then plans against what this one stored, so nothing is recorded twice.
  return store.transaction(async (tx) => {
    const plan = await planAgainstStore(tx);
    const recordedAt = options.now();
    for (const { meldingId, contact } of plan.contacts) await tx.addContact(meldingId, contact, recordedAt);
    for (const { contactId, contact } of plan.corrections) await tx.updateContact(contactId, contact, recordedAt);
    for (const { meldingId, result } of plan.results) {
      await tx.setResult(meldingId, result, recordedAt);
      // A melding that was not picked up is not followed up with its household's case either:
      // otherwise the case's attempts would count it as opgevolgd while it says Niet opgepakt.
      if (isNotPickedUpResult(result.resultaat)) await tx.leaveCase(meldingId);
    }
    await tx.appendAudit({
      counts: {
        contactpogingen: plan.contacts.length,
        gewijzigd: plan.corrections.length,
        resultaten: plan.results.length,
        al_vastgelegd: plan.alreadyRecorded,
      },
      ...(options.inputSha256 !== undefined && { inputSha256: options.inputSha256 }),
    });
    return plan;
  });
}

function where(source: EntrySource, file: string | undefined): string {
  return source === null ? '' : `${file ?? ''} regel ${source.line}: `;
}

function refuseOnCommandLine(problems: readonly FollowUpProblem[], hints: readonly string[]): Error {
  return new DataError(
    problems.length === 1 ? `Kan niet vastleggen: ${problems[0]!.text}` : 'Kan niet vastleggen; er is niets opgeslagen:',
    {
      ...(problems.length > 1 && { details: problems.map((p) => p.text) }),
      ...(hints.length > 0 && { hint: hints.join(' ') }),
    },
  );
}

/**
 * Every entry must name a melding that exists, was triaged and picked up; an attempt must lie
 * in the list month or later and not after today; a result must agree with its referral and
 * with the attempts (stored ones and those of this input).
 */
function checkEntries(
  entries: readonly Given[],
  states: readonly MeldingState[],
  today: IsoDate,
): { problems: FollowUpProblem[]; hints: Set<string> } {
  const known = new Map(states.map((s) => [s.ref, s]));
  const problems: FollowUpProblem[] = [];
  const hints = new Set<string>();
  const untriaged = new Set<string>();
  const attemptsOf = new Map<string, number>(states.map((s) => [s.ref, s.contacts.length]));
  for (const { entry } of entries) {
    if (entry.contact !== null) attemptsOf.set(entry.ref, (attemptsOf.get(entry.ref) ?? 0) + 1);
  }
  for (const { entry, source, file } of entries) {
    const state = known.get(entry.ref);
    const at = where(source, file);
    const problem = (text: string): void => {
      problems.push({ line: source?.line ?? null, text: `${at}${text}` });
    };
    if (state === undefined) {
      problem(`melding ${entry.ref} bestaat niet.`);
      hints.add('Controleer het meldingnummer (zoals 2022-03-017) op de werklijst; "eropaf worklist --month JJJJ-MM" toont ze.');
      continue;
    }
    if (state.decision === null) {
      untriaged.add(state.month);
      problem(`de lijst van ${state.month} is nog niet getrieerd (melding ${entry.ref}).`);
      continue;
    }
    // A Niet opgepakt result on a melding that was not picked up changes only the reason why.
    const onlyNotPickedUp = entry.contact === null && entry.result !== null && isNotPickedUpResult(entry.result.resultaat);
    if (!isPickedUp(state) && !onlyNotPickedUp) {
      problem(`melding ${entry.ref} is niet opgepakt${state.resultaat === null ? ` (${state.decision})` : ` ("${state.resultaat}")`}; er kan geen poging of resultaat bij.`);
      hints.add(`Wilt u er toch aan werken, pak de melding dan eerst op: eropaf pickup ${entry.ref} --worker NAAM.`);
      continue;
    }
    if (entry.contact !== null) {
      const dateProblem = attemptDateProblem(entry.contact.datum, state.month, today);
      if (dateProblem !== null) {
        problem(`${dateProblem}.`);
        hints.add('Controleer de datum van de poging: een poging valt in of na de maand van de lijst, en niet na vandaag.');
      }
    }
    if (entry.result !== null) {
      const conflict = resultConflict(entry.result.resultaat, entry.result.referredTo ?? state.referredTo, attemptsOf.get(entry.ref) ?? 0);
      if (conflict !== null) {
        problem(`${conflict.problem}.`);
        hints.add(`Resultaten die wel passen: ${conflict.fitting.join(', ')}; "eropaf close --help" geeft de betekenis van elk.`);
      }
    }
  }
  if (untriaged.size > 0) hints.add(`Trieer eerst: ${[...untriaged].sort().map((month) => `eropaf triage --month ${month}`).join(', ')}.`);
  return { problems, hints };
}
