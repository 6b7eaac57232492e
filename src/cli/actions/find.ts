import type { Command } from 'commander';
import { FIND_LIMIT, findHousehold, type FindResult } from '../../app/find-household.js';
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
    const a = household.address;
    const street = [a.straatnaam, a.huisnummer, a.toevoeging].filter((p) => p !== null && p !== '').join(' ');
    const lines = [colour.bold(`Huishouden ${[street, [a.postcode, a.plaatsnaam].filter(Boolean).join(' ')].filter(Boolean).join(', ')}`)];
    for (const p of household.people) {
      const bits = [p.naam, p.telefoon && `tel. ${p.telefoon}`, p.email, p.bsn && `BSN ${p.bsn}`].filter(Boolean);
      if (bits.length > 0) lines.push(`  ${bits.join(', ')}`);
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
