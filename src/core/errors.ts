// Domain errors. The core and the adapters raise these with a Dutch message (what is wrong) and,
// where one is known, a hint (what to do). Only src/cli/ turns them into output and exit codes,
// so a message never depends on where it was raised.
//
// Messages must never contain personal data: name files, lines and columns, and mask values.

export interface ErrorDetails {
  hint?: string;
  /** Extra lines printed under the message, for instance one per bad row. */
  details?: string[];
}

export abstract class EropafError extends Error {
  readonly hint: string | undefined;
  readonly details: string[];

  constructor(message: string, options: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.hint = options.hint;
    this.details = options.details ?? [];
  }
}

/** The input data is wrong: a bad file, a bad row, an unknown reference. Exit code 1. */
export class DataError extends EropafError {}

/** The command was called wrongly: a missing or contradictory option. Exit code 2. */
export class UsageError extends EropafError {}

/** The surroundings are wrong: a locked, read-only or newer database, a full disk. Exit code 3. */
export class EnvironmentError extends EropafError {}
