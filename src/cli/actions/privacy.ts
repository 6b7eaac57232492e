import type { Command } from 'commander';
import { purgePersonalData } from '../../app/purge.js';
import { parseDate } from '../../core/fields/date.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { localDateTime } from '../../terminal/dates.js';
import { renderTable } from '../../terminal/table.js';
import { now, today, withStore } from '../context.js';
import { parseFormat, parseOption } from '../options.js';

export async function runPurge(io: Io, options: { dryRun?: boolean }, command: Command): Promise<void> {
  const dryRun = options.dryRun === true;
  await withStore(command, io, dryRun ? 'dry-run' : 'write', async (store) => {
    const { plan, counts, undelivered, compacted } = await purgePersonalData(store, { dryRun, today: today(io), now: () => now(io) });
    const colour = colourFor(io.stderr, io.env);
    if (!compacted) {
      writeLine(
        io.stderr,
        `${colour.yellow('let op:')} een andere eropaf had de database open, daardoor kan een oude kopie van verwijderde waarden nog in het logbestand staan. Voer "eropaf purge" opnieuw uit als niemand anders ermee werkt.`,
      );
    }
    if (undelivered.length > 0) {
      writeLine(
        io.stderr,
        `${colour.yellow('let op:')} ${undelivered.join(', ')} ${undelivered.length === 1 ? 'is' : 'zijn'} nooit landelijk aangeleverd (eropaf export ddas); na het opschonen kan dat niet meer.${dryRun ? ' Lever eerst aan als dat nog moet.' : ''}`,
      );
    }
    if (counts.meldingen === 0) {
      writeLine(io.stdout, 'Er zijn geen persoonsgegevens over hun bewaartermijn; er is niets verwijderd.');
      return;
    }
    writeLine(
      io.stdout,
      `${dryRun ? 'Zou verwijderen' : 'Verwijderd'}: de persoonsgegevens van ${counts.meldingen} meldingen (${counts.signals} signalen, ${counts.notes} ${counts.notes === 1 ? "notitie" : "notities"}, ${counts.households} adressen) uit ${plan.months.join(', ')}.`,
    );
    writeLine(io.stdout, 'De tabel en de cijfers over die maanden blijven gelijk.');
    if (dryRun) writeLine(io.stdout, colourFor(io.stdout, io.env).yellow('Proefrun: er is niets verwijderd.'));
  });
}

export async function runAudit(io: Io, options: { from?: string; format?: string }, command: Command): Promise<void> {
  const since = options.from === undefined ? null : parseOption('--from', options.from, parseDate);
  const format = parseFormat(options.format, ['tabel', 'json']);
  await withStore(command, io, 'read', async (store) => {
    const records = await store.auditRecords(since);
    if (format === 'json') {
      writeLine(io.stdout, JSON.stringify(records, null, 2));
      return;
    }
    if (records.length === 0) {
      writeLine(io.stdout, 'Het logboek is leeg.');
      return;
    }
    io.stdout.write(
      renderTable(
        ['tijdstip', 'gebruiker', 'opdracht', 'opties', 'aantallen'],
        records.map((r) => [
          localDateTime(r.at),
          r.account === undefined || r.account === null ? r.osUser : `${r.account} (webapp)`,
          r.command,
          describeOptions(r.options),
          Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', '),
        ]),
        colourFor(io.stdout, io.env),
      ),
    );
  });
}

function describeOptions(options: Record<string, unknown>): string {
  return Object.entries(options)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => (key === 'argumenten' ? (value as string[]).join(' ') : value === true ? `--${key}` : `--${key} ${String(value)}`))
    .join(' ');
}
