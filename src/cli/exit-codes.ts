import { CommanderError } from 'commander';

// How a run ends. Kept apart from report-error.ts (and its colours) so that a run without an
// error, help included, loads nothing more.

export const EXIT = { ok: 0, data: 1, usage: 2, environment: 3 } as const;

/**
 * The exit code when commander stopped to show the help or the version rather than for an error:
 * help asked for, or shown in place of an incomplete command such as `eropaf` or `eropaf export`
 * (commander's exit code 1, a usage error). Null for anything else.
 */
export function helpExitCode(error: unknown): number | null {
  if (!(error instanceof CommanderError)) return null;
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
  if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  return null;
}
