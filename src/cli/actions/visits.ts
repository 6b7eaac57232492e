import type { Command } from 'commander';
import { readVisitList } from '../../app/visit-list.js';
import { findWorker } from '../../app/workers.js';
import { UsageError } from '../../core/errors.js';
import { VISIT_REASON_TEXT } from '../../core/house-visit.js';
import { describeMonth } from '../../core/month.js';
import { VISIT_COLUMNS, visitCells, visitRows, type VisitArea } from '../../core/visit-list.js';
import { describeProposal } from '../../core/worklist.js';
import { parseDelimiterOption } from '../../csv/delimiter.js';
import { createExcelCsvWriter, formatExcelCsv } from '../../csv/excel-csv.js';
import { writePrivateFile } from '../../files/private-file.js';
import { colourFor, writeLine, type Io } from '../../terminal/io.js';
import { renderTable } from '../../terminal/table.js';
import { renderVisitSheet } from '../../terminal/visit-sheet.js';
import { inCwd, today, withStore } from '../context.js';
import { parseFormat, parseMonth } from '../options.js';
import { gemeenteFilter } from '../gemeente-option.js';

export interface VisitsOptions {
  month: string;
  worker?: string;
  gemeente?: string;
  format?: string;
  delimiter?: string;
  out?: string;
}

// On a terminal: what a visitor scans, per postcode area.
const TABLE_COLUMNS = ['melding', 'medewerker', 'naam', 'adres', 'eerdere_pogingen', 'voorstel'] as const;

export async function runVisits(io: Io, options: VisitsOptions, command: Command): Promise<void> {
  const month = parseMonth('--month', options.month);
  const format = parseFormat(options.format ?? (options.out === undefined ? undefined : 'csv'), ['tabel', 'csv', 'json', 'html']);
  if (options.out !== undefined && format === 'tabel') {
    throw new UsageError('--out schrijft een CSV-, JSON- of HTML-bestand, geen tabel.', { hint: 'Gebruik --format csv, json of html.' });
  }
  const delimiter = options.delimiter === undefined ? ';' : parseDelimiterOption(options.delimiter);
  await withStore(command, io, 'read', async (store) => {
    const worker = options.worker === undefined ? null : await findWorker(store, options.worker);
    const gemeente = await gemeenteFilter(store, options.gemeente);
    const day = today(io);
    const areas = await readVisitList(store, { month, workerId: worker?.id ?? null, ...(gemeente !== undefined && { gemeenteId: gemeente.id }) }, day);
    const count = areas.reduce((sum, area) => sum + area.visits.length, 0);
    const header = [...VISIT_COLUMNS];
    const rows = visitRows(areas);
    if (options.out !== undefined) {
      if (format === 'csv') {
        const writer = createExcelCsvWriter(inCwd(io, options.out), { delimiter, header });
        for (const row of rows) writer.write(row);
        await writer.close();
      } else {
        writePrivateFile(inCwd(io, options.out), format === 'html' ? renderVisitSheet(month, areas, day) : `${JSON.stringify(areas.map(toJson), null, 2)}\n`);
      }
      writeLine(io.stderr, `${count} ${count === 1 ? 'huisbezoek' : 'huisbezoeken'} geschreven naar ${options.out}.`);
      return;
    }
    if (format === 'csv') io.stdout.write(formatExcelCsv(header, rows, { delimiter, bom: true }));
    else if (format === 'json') writeLine(io.stdout, JSON.stringify(areas.map(toJson), null, 2));
    else if (format === 'html') io.stdout.write(renderVisitSheet(month, areas, day));
    else if (count === 0) writeLine(io.stdout, `Geen huisbezoeken voor ${describeMonth(month)}${worker ? ` bij ${worker.name}` : ''}.`);
    else {
      const colour = colourFor(io.stdout, io.env);
      for (const area of areas) {
        writeLine(io.stdout, colour.bold(`Postcodegebied ${area.area} (${area.visits.length})`));
        const tableRows = area.visits.map((visit) => {
          const cells = visitCells(visit);
          return TABLE_COLUMNS.map((column) => cells[column]);
        });
        io.stdout.write(renderTable([...TABLE_COLUMNS], tableRows, colour));
        writeLine(io.stdout);
      }
    }
  });
}

/** JSON keeps the structure: areas with their visits, amounts in cents, attempts as a list. */
function toJson(area: VisitArea): Record<string, unknown> {
  return {
    gebied: area.area,
    bezoeken: area.visits.map((visit) => {
      const cells = visitCells(visit);
      return {
        melding: visit.entry.ref,
        medewerker: visit.entry.worker,
        naam: visit.entry.person.naam,
        adres: cells.adres,
        signalen: visit.entry.signals,
        totaalCenten: visit.entry.totalCents,
        eerderePogingen: visit.entry.attempts.map(({ soort, datum, dagdeel }) => ({ soort, datum, dagdeel })),
        reden: VISIT_REASON_TEXT[visit.reason],
        voorstel: visit.proposeClosing ? describeProposal('afsluiten') : null,
      };
    }),
  };
}
