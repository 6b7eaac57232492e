import type { Io } from '../terminal/io.js';
import { EXIT, helpExitCode } from './exit-codes.js';
import { buildProgram } from './program.js';
import { packageVersion } from '../version.js';

// Startup time counts for every command: this file and program.ts load only commander and the
// command definitions; each command loads what it needs when it runs (see commands/).

/**
 * Runs one command and returns its exit code. Everything from outside comes in through `io`:
 * process-entry.ts passes the real process, tests pass in-memory streams and a fixed clock.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    await buildProgram(io, packageVersion()).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    // Commander ends help and the version with an exception too; only a real error loads the
    // error report (and its colours).
    const helpExit = helpExitCode(error);
    if (helpExit !== null) return helpExit;
    const { reportError } = await import('./report-error.js');
    return reportError(error, io);
  }
}
