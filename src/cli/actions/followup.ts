import type { Command } from 'commander';
import { deleteAttempt, listAttempts, reopenMelding } from '../../app/correct-followup.js';
import { pickUpMelding } from '../../app/pickup.js';
import { readOutcomes } from '../../app/read-outcomes.js';
import { recordFollowUp } from '../../app/record-followup.js';
import { parseDeleteReason } from '../../core/attempts.js';
import { UsageError } from '../../core/errors.js';
import { parseDate } from '../../core/fields/date.js';
import type { FollowUpEntry } from '../../core/followup-plan.js';
import {
  dagdeelOfClock,
  parseClockTime,
  parseContactsoort,
  parseDagdeel,
  parseJaNee,
  parseReferral,
  parseResultCode,
  type Dagdeel,
} from '../../core/followup.js';
import { parseRef } from '../../core/reference.js';
import { parseDelimiterOption } from '../../csv/delimiter.js';
import { parseEncodingOption } from '../../csv/encoding.js';
import { describeAttempt, describePlan } from '../../terminal/followup-report.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { inCwd, now, today, withStore } from '../context.js';
import { remindChangedDeliveries } from '../delivery-reminder.js';
import { parseOption } from '../options.js';

// Recording what happened: one contact attempt, a result, or a whole filled-in worklist; and
// correcting it: picking a melding up after all, deleting an attempt, reopening a melding.

function parseReference(text: string): string {
  if (parseRef(text) === null) {
    throw new UsageError(`${text} is geen meldingnummer.`, { hint: 'Een meldingnummer staat op de werklijst, bijvoorbeeld 2022-03-017.' });
  }
  return text.trim();
}

/** `--date`, or undefined when not given; never in the future (what is recorded has happened). */
function parsePastDate(io: Io, text: string | undefined, what: string): string | undefined {
  if (text === undefined) return undefined;
  const date = parseOption('--date', text, parseDate);
  if (date > today(io)) throw new UsageError(`--date ${text} ligt in de toekomst.`, { hint: `Leg ${what} vast op of na de dag zelf.` });
  return date;
}

async function recordOne(io: Io, entry: FollowUpEntry, command: Command): Promise<void> {
  await withStore(command, io, 'write', async (store) => {
    const plan = await recordFollowUp(store, [{ entry, source: null }], { dryRun: false, now: () => now(io), today: today(io) });
    io.stdout.write(describePlan(plan, false));
    await remindChangedDeliveries(store, io);
  });
}

export interface ContactOptions {
  type: string;
  reached: string;
  date?: string;
  time?: string;
  daypart?: string;
  note?: string;
  card?: boolean;
}

/** `--time` and `--daypart`: the time decides the part of day, and a different --daypart is a mistake. */
function parseWhen(options: ContactOptions): { tijd: string | null; dagdeel: Dagdeel | null } {
  const tijd = options.time === undefined ? null : parseOption('--time', options.time, parseClockTime);
  const dagdeel = options.daypart === undefined ? null : parseOption('--daypart', options.daypart, parseDagdeel);
  if (tijd === null) return { tijd, dagdeel };
  if (dagdeel !== null && dagdeel !== dagdeelOfClock(tijd)) {
    throw new UsageError(`--time ${tijd} valt niet in de ${dagdeel.toLowerCase()}.`, { hint: 'Laat --daypart weg: het dagdeel volgt uit de tijd.' });
  }
  return { tijd, dagdeel: dagdeelOfClock(tijd) };
}

export async function runContact(io: Io, ref: string, options: ContactOptions, command: Command): Promise<void> {
  await recordOne(
    io,
    {
      ref: parseReference(ref),
      contact: {
        soort: parseOption('--type', options.type, parseContactsoort),
        bereikt: parseOption('--reached', options.reached, parseJaNee),
        datum: parsePastDate(io, options.date, 'een poging') ?? today(io),
        ...parseWhen(options),
        notitie: options.note?.trim() || null,
      },
      ...(options.card === true && { card: true }),
      result: null,
    },
    command,
  );
}

export interface CloseOptions {
  result: string;
  referredTo?: string;
  date?: string;
}

export async function runClose(io: Io, ref: string, options: CloseOptions, command: Command): Promise<void> {
  await recordOne(
    io,
    {
      ref: parseReference(ref),
      contact: null,
      result: {
        resultaat: parseOption('--result', options.result, parseResultCode),
        referredTo: options.referredTo === undefined ? null : parseOption('--referred-to', options.referredTo, parseReferral),
        closedOn: parsePastDate(io, options.date, 'het afsluiten') ?? null,
      },
    },
    command,
  );
}

export interface OutcomesOptions {
  dryRun?: boolean;
  encoding?: string;
  delimiter?: string;
}

export async function runOutcomes(io: Io, file: string, options: OutcomesOptions, command: Command): Promise<void> {
  const dryRun = options.dryRun === true;
  await withStore(command, io, dryRun ? 'dry-run' : 'write', async (store) => {
    const summary = await readOutcomes(store, {
      file: inCwd(io, file),
      ...(options.encoding !== undefined && { encoding: parseEncodingOption(options.encoding) }),
      ...(options.delimiter !== undefined && { delimiter: parseDelimiterOption(options.delimiter) }),
      dryRun,
      today: today(io),
      now: () => now(io),
    });
    writeLine(io.stdout, `${summary.file}: ${summary.rowsRead} regels, ${summary.rowsFilled} ingevuld.`);
    io.stdout.write(describePlan(summary.plan, dryRun, { perMelding: false }));
    if (dryRun) writeLine(io.stdout, colourFor(io.stdout, io.env).yellow('Proefrun: er is niets opgeslagen.'));
    await remindChangedDeliveries(store, io);
  });
}

export interface PickupOptions {
  worker?: string;
}

export async function runPickup(io: Io, ref: string, options: PickupOptions, command: Command): Promise<void> {
  const reference = parseReference(ref);
  await withStore(command, io, 'write', async (store) => {
    const picked = await pickUpMelding(store, reference, { workerName: options.worker ?? null, now: () => now(io) });
    const removed = picked.removedResult === null ? '' : ` Het resultaat "${picked.removedResult}" is vervallen.`;
    writeLine(io.stdout, `Melding ${picked.ref} is opgepakt door ${picked.workerName}.${removed}`);
  });
}

export interface AttemptsOptions {
  delete?: string;
  reason?: string;
}

export async function runAttempts(io: Io, ref: string, options: AttemptsOptions, command: Command): Promise<void> {
  const reference = parseReference(ref);
  if (options.delete === undefined) {
    if (options.reason !== undefined) throw new UsageError('--reason hoort bij --delete.', { hint: `Bijvoorbeeld: eropaf attempts ${reference} --delete 2 --reason dubbel` });
    await withStore(command, io, 'read', async (store) => {
      const { ref: canonical, attempts } = await listAttempts(store, reference);
      if (attempts.length === 0) {
        writeLine(io.stdout, `Melding ${canonical} heeft nog geen contactpogingen.`);
        return;
      }
      io.stdout.write(
        renderTable(
          ['nr', 'datum', 'tijd', 'dagdeel', 'soort', 'bereikt'],
          attempts.map((a, i) => [String(i + 1), a.datum, a.tijd ?? '', a.dagdeel ?? '', a.soort, a.bereikt ? 'ja' : 'nee']),
          colourFor(io.stdout, io.env),
          { numeric: new Set([0]) },
        ),
      );
    });
    return;
  }
  const number = Number(options.delete);
  if (!Number.isInteger(number) || number < 1) {
    throw new UsageError(`--delete ${options.delete}: verwacht het nummer van een poging (1, 2, …).`, { hint: `"eropaf attempts ${reference}" toont de nummers.` });
  }
  if (options.reason === undefined) {
    throw new UsageError('Zeg met --reason waarom de poging weg moet.', { hint: 'Redenen: dubbel, verkeerde-melding, niet-gebeurd, anders.' });
  }
  parseOption('--reason', options.reason, parseDeleteReason);
  await withStore(command, io, 'write', async (store) => {
    const deleted = await deleteAttempt(store, reference, number);
    writeLine(io.stdout, `Poging ${number} van ${reference} verwijderd: ${describeAttempt(deleted)}.`);
  });
}

export async function runReopen(io: Io, ref: string, command: Command): Promise<void> {
  const reference = parseReference(ref);
  await withStore(command, io, 'write', async (store) => {
    const reopened = await reopenMelding(store, reference);
    writeLine(io.stdout, `Melding ${reopened.ref} is heropend; het resultaat was "${reopened.previous}". De pogingen blijven staan.`);
  });
}
