import type { Command } from 'commander';
import { deleteMonth } from '../../app/delete-month.js';
import { monthsOverview } from '../../app/month-overview.js';
import { removedItems } from '../../core/month-removal.js';
import { describeMonth } from '../../core/month.js';
import { UsageError } from '../../core/errors.js';
import { isMultiGemeente } from '../../core/gemeente.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { today, withStore } from '../context.js';
import { remindChangedDeliveries } from '../delivery-reminder.js';
import { gemeenteFilter } from '../gemeente-option.js';
import { parseFormat, parseMonth } from '../options.js';

export async function runDeleteMonth(
  io: Io,
  monthText: string,
  options: { dryRun?: boolean; force?: boolean; gemeente?: string },
  command: Command,
): Promise<void> {
  const month = parseMonth('maand', monthText);
  const dryRun = options.dryRun === true;
  await withStore(command, io, dryRun ? 'dry-run' : 'write', async (store) => {
    // `months delete M --gemeente X`: commander hands --gemeente to `months`, which has it too.
    const gemeenteText = options.gemeente ?? command.parent?.opts<{ gemeente?: string }>().gemeente;
    const gemeente = await gemeenteFilter(store, gemeenteText);
    if (gemeente === undefined && isMultiGemeente(await store.gemeenten())) {
      throw new UsageError(`Van welke gemeente moet de lijst van ${month} weg? De database kent meer gemeenten.`, {
        hint: `Geef de gemeente op, bijvoorbeeld: eropaf months delete ${month} --gemeente 0397`,
      });
    }
    const plan = await deleteMonth(store, { month, ...(gemeente !== undefined && { gemeenteId: gemeente.id }), force: options.force === true, dryRun });
    const items = removedItems(plan.contents).join(', ');
    const what = `de lijst van ${describeMonth(month)} (${month}): ${items}`;
    if (dryRun) {
      writeLine(io.stdout, `Proefrun: verwijderen zou weghalen: ${what}.`);
      if (plan.losesFollowUp) writeLine(io.stdout, 'De vastgelegde opvolging van deze meldingen gaat daarmee verloren.');
      writeLine(io.stdout, 'Er is niets verwijderd.');
    } else {
      writeLine(io.stdout, `Verwijderd: ${what}.`);
      writeLine(io.stdout, 'De kenmerken "op lijst vorige maand" en "opeenvolgend" van de maanden erna zijn bijgewerkt.');
    }
  });
}

export async function runMonths(io: Io, options: { format?: string; gemeente?: string }, command: Command): Promise<void> {
  const format = parseFormat(options.format, ['tabel', 'json']);
  await withStore(command, io, 'read', async (store) => {
    const gemeente = await gemeenteFilter(store, options.gemeente);
    const months = await monthsOverview(store, today(io), gemeente?.id);
    if (format === 'json') {
      writeLine(io.stdout, JSON.stringify(months, null, 2));
      return;
    }
    if (months.length === 0) {
      writeLine(io.stdout, 'Nog geen maandlijsten ingelezen. Begin met: eropaf import BESTAND');
      return;
    }
    io.stdout.write(
      renderTable(
        ['maand', 'ontvangen', 'getrieerd', 'toegewezen', 'opgevolgd', 'uitgesteld', 'afgesloten', 'termijn verlopen'],
        months.map((m) => [
          m.month,
          String(m.received),
          m.triaged ? 'ja' : 'nee',
          String(m.assigned),
          String(m.followedUp),
          String(m.deferred),
          String(m.closed),
          String(m.pastContactTerm),
        ]),
        colourFor(io.stdout, io.env),
        { numeric: new Set([1, 3, 4, 5, 6, 7]) },
      ),
    );
    await remindChangedDeliveries(store, io);
  });
}
