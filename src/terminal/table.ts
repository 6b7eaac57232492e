import type { ChalkInstance } from 'chalk';

// An aligned text table for the terminal: a bold header, columns padded to their widest cell,
// numbers right-aligned. Plain text when colour is off, so piping it stays readable.

export interface TableOptions {
  /** Columns whose cells are right-aligned (counts, amounts). */
  numeric?: ReadonlySet<number>;
}

export function renderTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  colour: ChalkInstance,
  options: TableOptions = {},
): string {
  const widths = header.map((h, column) => Math.max(h.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return options.numeric?.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [colour.bold(line(header)), ...rows.map(line)].join('\n') + '\n';
}
