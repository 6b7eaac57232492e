import { UsageError } from '../core/errors.js';
import { parseMonthOption } from '../core/month.js';
import { checkPeriod, type Period } from '../core/report/period.js';
import type { Month, Parsed } from '../core/types.js';

// Checks of option values shared by several commands. A wrong value is a usage error (exit 2).

/** Checks a `--format` value against the ones a command offers; the first is the default. */
export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  const chosen = value ?? allowed[0]!;
  if ((allowed as readonly string[]).includes(chosen)) return chosen as T;
  throw new UsageError(`--format ${chosen} bestaat niet bij deze opdracht.`, {
    hint: `Kies uit: ${allowed.join(', ')}.`,
  });
}

export function parseMonth(option: string, text: string): Month {
  const parsed = parseMonthOption(text);
  if (parsed.ok) return parsed.value;
  throw new UsageError(`${option} ${text} is geen maand; verwacht ${parsed.expected}.`, {
    hint: 'Schrijf de maand als JJJJ-MM, bijvoorbeeld 2022-03.',
  });
}

/** A whole number of zero or more, such as a capacity. */
export function parseCount(option: string, text: string): number {
  const value = Number(text.trim());
  if (text.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 100_000) return value;
  throw new UsageError(`${option} ${text} is geen geldig aantal.`, { hint: `Geef een heel getal van 0 of meer, bijvoorbeeld ${option} 17.` });
}

/** Turns a core parser's failure for an option into a usage error. */
export function parseOption<T>(option: string, text: string, parse: (text: string) => Parsed<T>): T {
  const parsed = parse(text);
  if (parsed.ok) return parsed.value;
  throw new UsageError(`${option} ${text}: verwacht ${parsed.expected}.`, parsed.hint === undefined ? {} : { hint: parsed.hint });
}

/** `--from` and `--to` as one period, the beginning not after the end. */
export function parsePeriodOptions(options: { from: string; to: string }): Period {
  const checked = checkPeriod({ from: parseMonth('--from', options.from), to: parseMonth('--to', options.to) });
  if (checked.ok) return checked.value;
  throw new UsageError(`--from ${options.from} ligt na --to ${options.to}.`, { hint: 'Verwissel de twee maanden.' });
}
