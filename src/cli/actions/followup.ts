import type { Command } from 'commander';
import { readOutcomes } from '../../app/read-outcomes.js';
import { recordFollowUp } from '../../app/record-followup.js';
import { UsageError } from '../../core/errors.js';
import { parseDate } from '../../core/fields/date.js';
import type { FollowUpPlan } from '../../core/followup-plan.js';
import { parseContactsoort, parseDagdeel, parseJaNee, parseReferral, parseResultCode } from '../../core/followup.js';
import { parseRef } from '../../core/reference.js';
import { parseDelimiterOption } from '../../csv/delimiter.js';
import { parseEncodingOption } from '../../csv/encoding.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { now, today, withStore } from '../context.js';
import { remindChangedDeliveries } from '../delivery-reminder.js';
import { parseOption } from '../options.js';

// Recording what happened: one contact attempt, a result, or a whole filled-in worklist.

function parseReference(text: string): string {
  if (parseRef(text) === null) {
    throw new UsageError(`${text} is geen meldingnummer.`, { hint: 'Een meldingnummer staat op de werklijst, bijvoorbeeld 2022-03-017.' });
  }
  return text.trim();
}

/** `--date`, today when not given; never in the future (what is recorded has happened). */
function parsePastDate(text: string | undefined, what: string): string {
  if (text === undefined) return today();
  const date = parseOption('--date', text, parseDate);
  if (date > today()) throw new UsageError(`--date ${text} ligt in de toekomst.`, { hint: `Leg ${what} vast op of na de dag zelf.` });
  return date;
}

function describePlan(plan: FollowUpPlan, dryRun: boolean): string {
  const parts = [
    `${plan.contacts.length} ${plan.contacts.length === 1 ? 'contactpoging' : 'contactpogingen'}`,
    `${plan.results.length} ${plan.results.length === 1 ? 'resultaat' : 'resultaten'}`,
  ];
  const changed = plan.results.filter((r) => r.previous !== null && !r.previous.startsWith('Niet opgepakt'));
  const lines = [`${dryRun ? 'Zou vastleggen' : 'Vastgelegd'}: ${parts.join(', ')}.`];
  if (plan.alreadyRecorded > 0) lines.push(`${plan.alreadyRecorded} al eerder vastgelegd (niet dubbel opgeslagen).`);
  for (const r of changed) lines.push(`Resultaat van ${r.ref} gewijzigd: ${r.previous} → ${r.result.resultaat}.`);
  return `${lines.join('\n')}\n`;
}

export interface ContactOptions {
  type: string;
  reached: string;
  date?: string;
  daypart?: string;
  note?: string;
}

export async function runContact(io: Io, ref: string, options: ContactOptions, command: Command): Promise<void> {
  const entry = {
    ref: parseReference(ref),
    contact: {
      soort: parseOption('--type', options.type, parseContactsoort),
      bereikt: parseOption('--reached', options.reached, parseJaNee),
      datum: parsePastDate(options.date, 'een poging'),
      dagdeel: options.daypart === undefined ? null : parseOption('--daypart', options.daypart, parseDagdeel),
      notitie: options.note?.trim() || null,
    },
    result: null,
  };
  await withStore(command, io, 'write', async (store) => {
    const plan = await recordFollowUp(store, [{ entry, source: null }], { dryRun: false, now });
    io.stdout.write(describePlan(plan, false));
    await remindChangedDeliveries(store, io);
  });
}

export interface CloseOptions {
  result: string;
  referredTo?: string;
  date?: string;
}

export async function runClose(io: Io, ref: string, options: CloseOptions, command: Command): Promise<void> {
  const entry = {
    ref: parseReference(ref),
    contact: null,
    result: {
      resultaat: parseOption('--result', options.result, parseResultCode),
      referredTo: options.referredTo === undefined ? null : parseOption('--referred-to', options.referredTo, parseReferral),
      closedOn: parsePastDate(options.date, 'het afsluiten')
    },
  };
  await withStore(command, io, 'write', async (store) => {
    const plan = await recordFollowUp(store, [{ entry, source: null }], { dryRun: false, now });
    io.stdout.write(describePlan(plan, false));
    await remindChangedDeliveries(store, io);
  });
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
      file,
      ...(options.encoding !== undefined && { encoding: parseEncodingOption(options.encoding) }),
      ...(options.delimiter !== undefined && { delimiter: parseDelimiterOption(options.delimiter) }),
      dryRun,
      today: today(),
      now,
    });
    writeLine(io.stdout, `${summary.file}: ${summary.rowsRead} regels, ${summary.rowsFilled} ingevuld.`);
    io.stdout.write(describePlan(summary.plan, dryRun));
    if (dryRun) writeLine(io.stdout, colourFor(io.stdout, io.env).yellow('Proefrun: er is niets opgeslagen.'));
    await remindChangedDeliveries(store, io);
  });
}
