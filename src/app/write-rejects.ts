import type { Delimiter } from '../csv/delimiter.js';
import { createExcelCsvWriter } from '../csv/excel-csv.js';
import type { FileInspection } from '../csv/inspect.js';
import { readRecords } from '../csv/read-records.js';
import type { ImportSession } from '../store/store.js';

/**
 * Writes the rejected rows, as the input has them, with their line number and reason, for the
 * user to fix in Excel and import again. The input is read a second time so that the staging
 * area never has to keep raw rows.
 */
export async function writeRejects(options: {
  input: string;
  inspection: FileInspection;
  delimiter: Delimiter;
  output: string;
  session: ImportSession;
}): Promise<void> {
  const { inspection } = options;
  let writer: ReturnType<typeof createExcelCsvWriter> | null = null;
  for await (const record of readRecords(options.input, {
    encoding: inspection.encoding,
    bomLength: inspection.bomLength,
    delimiter: options.delimiter,
  })) {
    if (writer === null) {
      writer = createExcelCsvWriter(options.output, { header: ['regel', 'reden', ...record.fields] });
      continue;
    }
    const reason = await options.session.rejectionOf(record.line);
    if (reason !== undefined) writer.write([record.line, reason, ...record.fields]);
  }
  await writer?.close();
}
