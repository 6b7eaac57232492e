import { Chalk, type ChalkInstance } from 'chalk';

/** An output stream; isTTY decides colour and progress bars, so a test can leave it out. */
export type Output = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * Everything a command takes from the world outside its arguments, injected: the real process
 * only in cli/process-entry.ts, anything else in a test (in-memory streams, a fixed clock).
 * Data goes to stdout, messages to stderr (so piping the data stays clean).
 */
export interface Io {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  /** Where a command reads what it asks for (a password); absent where nothing can be asked. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  /** The directory relative paths (file arguments, --db, EROPAF_DB) are taken from. */
  cwd: string;
  /** The clock: every "now" and "today" of a command is read from it. */
  now: () => Date;
  /** The operating-system account running eropaf, for the audit trail. */
  osUser: string;
  /** Calls `stop` once when the user interrupts (Ctrl+C) or the system asks to stop; for `serve`. */
  onInterrupt: (stop: () => void) => void;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colourFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): ChalkInstance {
  const wanted = stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
  return new Chalk({ level: wanted ? 1 : 0 });
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
