import { UsageError } from '../core/errors.js';

/** Checks a `--format` value against the ones a command offers. */
export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  const chosen = value ?? allowed[0]!;
  if ((allowed as readonly string[]).includes(chosen)) return chosen as T;
  throw new UsageError(`--format ${chosen} bestaat niet bij deze opdracht.`, {
    hint: `Kies uit: ${allowed.join(', ')}.`,
  });
}
