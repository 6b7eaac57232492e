import type { Command } from 'commander';
import { findWorker } from '../../app/workers.js';
import { readWorklist } from '../../app/worklist.js';
import { UsageError } from '../../core/errors.js';
import { describeMonth } from '../../core/month.js';
import { describeProposal, WORKLIST_COLUMNS, worklistCells, type WorklistLine } from '../../core/worklist.js';
import { parseDelimiterOption } from '../../csv/delimiter.js';
import { createExcelCsvWriter, formatExcelCsv } from '../../csv/excel-csv.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { inCwd, today, withStore } from '../context.js';
import { remindPastTerm } from '../reminders.js';
import { parseFormat, parseMonth } from '../options.js';
import { gemeenteFilter } from '../gemeente-option.js';

export interface WorklistOptions {
  /** without it: all open work over all months, oldest first */
  month?: string;
  worker?: string;
  gemeente?: string;
  format?: string;
  delimiter?: string;
  out?: string;
}

// On a terminal the list must fit a screen: the columns a worker scans, not the fill-in ones.
const TABLE_COLUMNS = ['melding', 'medewerker', 'soort', 'totaal', 'naam', 'telefoon', 'pogingen', 'termijn', 'voorstel', 'reden'] as const;

export async function runWorklist(io: Io, options: WorklistOptions, command: Command): Promise<void> {
  const month = options.month === undefined ? null : parseMonth('--month', options.month);
  const format = parseFormat(options.format, ['tabel', 'csv', 'json']);
  if (options.out !== undefined && options.format !== undefined && format !== 'csv') {
    throw new UsageError('--out schrijft altijd een CSV-bestand.', { hint: 'Laat --format weg of gebruik --format csv.' });
  }
  const delimiter = options.delimiter === undefined ? ';' : parseDelimiterOption(options.delimiter);
  await withStore(command, io, 'read', async (store) => {
    const worker = options.worker === undefined ? null : await findWorker(store, options.worker);
    const gemeente = await gemeenteFilter(store, options.gemeente);
    const entries = await readWorklist(store, { month, workerId: worker?.id ?? null, ...(gemeente !== undefined && { gemeenteId: gemeente.id }) }, today(io));
    await remindPastTerm(store, io);
    const header = [...WORKLIST_COLUMNS];
    const rows = entries.map((entry) => header.map((column) => worklistCells(entry)[column]));
    if (options.out !== undefined) {
      const writer = createExcelCsvWriter(inCwd(io, options.out), { delimiter, header });
      for (const row of rows) writer.write(row);
      await writer.close();
      writeLine(io.stderr, `${entries.length} meldingen geschreven naar ${options.out}.`);
      return;
    }
    if (format === 'csv') io.stdout.write(formatExcelCsv(header, rows, { delimiter, bom: true }));
    else if (format === 'json') writeLine(io.stdout, JSON.stringify(entries.map(toJson), null, 2));
    else if (entries.length === 0) {
      writeLine(io.stdout, `Geen open meldingen${month === null ? '' : ` voor ${describeMonth(month)}`}${worker ? ` bij ${worker.name}` : ''}.`);
    }
    else {
      const tableRows = entries.map((entry) => {
        const cells = worklistCells(entry);
        return TABLE_COLUMNS.map((column) => cells[column]);
      });
      io.stdout.write(renderTable([...TABLE_COLUMNS], tableRows, colourFor(io.stdout, io.env), { numeric: new Set([3, 6]) }));
    }
  });
}

/** JSON keeps the structure (signals as a list, amounts in cents) with the BSN masked. */
function toJson(entry: WorklistLine): Record<string, unknown> {
  const cells = worklistCells(entry);
  return {
    melding: entry.ref,
    medewerker: entry.worker,
    besluit: entry.kind,
    reden: entry.reason,
    soort: entry.category,
    opeenvolgend: entry.opeenvolgend,
    vorigeMaandOpLijst: entry.onLastMonth,
    signalen: entry.signals,
    totaalCenten: entry.totalCents,
    naam: entry.person.naam,
    adres: cells.adres,
    telefoon: entry.person.telefoon,
    email: entry.person.email,
    bsn: cells.bsn === '' ? null : cells.bsn,
    pogingen: entry.attempts.length,
    eersteContactUiterlijk: entry.deadline,
    termijnVerlopen: entry.pastTerm,
    voorstel: entry.proposal === null ? null : describeProposal(entry.proposal),
  };
}
