import type { Command } from 'commander';
import { monthsOverview } from '../../app/month-overview.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { today, withStore } from '../context.js';
import { remindChangedDeliveries } from '../delivery-reminder.js';
import { parseFormat } from '../options.js';
import { gemeenteFilter } from '../gemeente-option.js';

export async function runMonths(io: Io, options: { format?: string; gemeente?: string }, command: Command): Promise<void> {
  const format = parseFormat(options.format, ['tabel', 'json']);
  await withStore(command, io, 'read', async (store) => {
    const gemeente = await gemeenteFilter(store, options.gemeente);
    const months = await monthsOverview(store, today(), gemeente?.id);
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
