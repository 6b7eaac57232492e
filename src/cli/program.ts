import { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import { registerConfig } from './commands/config.js';
import { registerDdasApi } from './commands/ddas-api.js';
import { registerExport } from './commands/export.js';
import { registerFind } from './commands/find.js';
import { registerFollowUp } from './commands/followup.js';
import { registerGemeenten } from './commands/gemeenten.js';
import { registerImport } from './commands/import.js';
import { registerMonths } from './commands/months.js';
import { registerPrivacy } from './commands/privacy.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { registerTable } from './commands/table.js';
import { registerTriage } from './commands/triage.js';
import { registerUsers } from './commands/users.js';
import { registerVisits } from './commands/visits.js';
import { registerWorkers } from './commands/workers.js';
import { registerWorklist } from './commands/worklist.js';

// Commander wiring in one place. Each command's definition (options, help) lives in its own file
// under commands/ and registers itself here; what it does lives under actions/ and is loaded only
// when it runs, so that no command pays at startup for the others' libraries and the database.
// Help and usage errors are in Dutch.

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

export interface GlobalOptions {
  db?: string;
}

export function buildProgram(io: Io, version: string): Command {
  const program = new Command('eropaf');
  program
    .description('Vroeg Eropaf: maandlijsten met betalingsachterstanden inlezen, opvolgen en verantwoorden.')
    .version(version, '-V, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon de hulp bij deze opdracht')
    .helpCommand('help [opdracht]', 'toon de hulp bij een opdracht')
    .option('--db <bestand>', 'de database (anders $EROPAF_DB, anders ./eropaf.db)')
    .usage('[opties] <opdracht>')
    .configureHelp({
      styleTitle: (title) => HELP_TITLES[title] ?? title,
      // Commander writes "[options]" in English; the arguments are named in Dutch already.
      subcommandTerm: (cmd) =>
        [cmd.name(), ...cmd.aliases()].join('|') +
        (cmd.options.length > 0 ? ' [opties]' : '') +
        cmd.registeredArguments.map((a) => (a.required ? ` <${a.name()}>` : ` [${a.name()}]`)).join(''),
      showGlobalOptions: true,
    })
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Help shown because a command was incomplete goes to stderr; the error itself is
      // reported in Dutch by report-error.ts, not by commander.
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
    })
    .exitOverride()
    .showSuggestionAfterError(false);

  registerImport(program, io);
  registerGemeenten(program, io);
  registerWorkers(program, io);
  registerTriage(program, io);
  registerWorklist(program, io);
  registerVisits(program, io);
  registerFollowUp(program, io);
  registerMonths(program, io);
  registerFind(program, io);
  registerTable(program, io);
  registerStats(program, io);
  registerExport(program, io);
  registerConfig(program, io);
  registerPrivacy(program, io);
  registerUsers(program, io);
  registerServe(program, io);
  registerDdasApi(program, io);
  return program;
}
