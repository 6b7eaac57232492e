import { CommanderError } from 'commander';
import { DataError, EnvironmentError, EropafError, UsageError } from '../core/errors.js';
import { colourFor, writeLine, type Io } from '../terminal/io.js';
import { EXIT } from './exit-codes.js';

/** The one place where errors become messages and exit codes. */
export function reportError(error: unknown, io: Io): number {
  const colour = colourFor(io.stderr, io.env);
  if (error instanceof CommanderError) return reportCommanderError(error, io);
  if (error instanceof EropafError) {
    writeLine(io.stderr, `${colour.red('fout:')} ${error.message}`);
    for (const line of error.details) writeLine(io.stderr, `  ${line}`);
    if (error.hint !== undefined) writeLine(io.stderr, `${colour.cyan('Tip:')} ${error.hint}`);
    return exitCodeOf(error);
  }
  // Not ours: a bug. Say so plainly, without dumping data; the stack helps the developers.
  writeLine(io.stderr, `${colour.red('fout:')} er ging iets mis in eropaf zelf (${describeUnknown(error)}).`);
  writeLine(io.stderr, 'Er is niets opgeslagen. Meld dit bij de beheerder van eropaf, met de opdracht die u gaf.');
  if (io.env.EROPAF_DEBUG && error instanceof Error && error.stack) writeLine(io.stderr, error.stack);
  return EXIT.environment;
}

function exitCodeOf(error: EropafError): number {
  if (error instanceof DataError) return EXIT.data;
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof EnvironmentError) return EXIT.environment;
  return EXIT.data;
}

function describeUnknown(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}

// Commander reports in English; these are its usage errors in Dutch. The quoted name in its
// message (an option or command the user typed) is kept.
const COMMANDER_MESSAGES: Record<string, (quoted: string) => string> = {
  'commander.unknownOption': (q) => `onbekende optie ${q}`,
  'commander.unknownCommand': (q) => `onbekende opdracht ${q}`,
  'commander.missingArgument': (q) => `argument ${q} ontbreekt`,
  'commander.optionMissingArgument': (q) => `bij optie ${q} ontbreekt de waarde`,
  'commander.missingMandatoryOptionValue': (q) => `verplichte optie ${q} ontbreekt`,
  'commander.excessArguments': () => 'te veel argumenten',
  'commander.invalidArgument': (q) => `ongeldige waarde ${q}`,
  'commander.conflictingOption': (q) => `opties gaan niet samen: ${q}`,
};

// Help and the version never get here: main.ts ends those with helpExitCode().
function reportCommanderError(error: CommanderError, io: Io): number {
  const colour = colourFor(io.stderr, io.env);
  const quoted = error.message.match(/'[^']*'(?:\s*(?:and|or)\s*'[^']*')?/)?.[0] ?? '';
  const translate = COMMANDER_MESSAGES[error.code];
  const message = translate ? translate(quoted) : error.message.replace(/^error:\s*/, '');
  writeLine(io.stderr, `${colour.red('fout:')} ${message}`);
  writeLine(io.stderr, `${colour.cyan('Tip:')} zie "eropaf --help" of "eropaf <opdracht> --help".`);
  return EXIT.usage;
}
