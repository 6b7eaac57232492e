import type { Command } from 'commander';
import { FIND_LIMIT, findHousehold, type FindResult } from '../../app/find-household.js';
import { householdAddress, personLine } from '../../core/find.js';
import { formatCents } from '../../core/fields/amount.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { withStore } from '../context.js';
import { parseFormat } from '../options.js';

export async function runFind(io: Io, text: string, options: { format?: string }, command: Command): Promise<void> {
  const format = parseFormat(options.format, ['tekst', 'json']);
  await withStore(command, io, 'read', async (store) => {
    const result = await findHousehold(store, text);
    if (format === 'json') {
      writeLine(io.stdout, JSON.stringify(result, null, 2));
      return;
    }
    if (result.households.length === 0) {
      writeLine(io.stdout, 'Geen huishouden gevonden.');
      return;
    }
    io.stdout.write(renderFound(result, io));
    if (result.more) {
      writeLine(io.stderr, `let op: meer dan ${FIND_LIMIT} huishoudens gevonden; alleen de eerste ${FIND_LIMIT} staan hier. Zoek preciezer.`);
    }
  });
}

function renderFound(result: FindResult, io: Io): string {
  const colour = colourFor(io.stdout, io.env);
  const parts: string[] = [];
  for (const household of result.households) {
    const lines = [colour.bold(`Huishouden ${householdAddress(household.address)}`)];
    for (const p of household.people) {
      const line = personLine(p);
      if (line !== '') lines.push(`  ${line}`);
    }
    parts.push(
      lines.join('\n') +
        '\n' +
        renderTable(
          ['melding', 'soort', 'besluit', 'medewerker', 'stand', 'pogingen', 'laatste poging', 'resultaat', 'totaal', 'organisaties'],
          household.meldingen.map((m) => [
            m.ref,
            m.category,
            m.decision ?? '',
            m.worker ?? '',
            m.state,
            String(m.contacts),
            m.lastContact ?? '',
            m.result ?? '',
            formatCents(m.totalCents),
            m.organisations.join(', '),
          ]),
          colour,
          { numeric: new Set([5, 8]) },
        ),
    );
  }
  return parts.join('\n');
}
