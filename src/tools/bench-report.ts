// The bench's tables: every step as median and spread of its runs, and the imports per row at
// each size side by side, so that growth that is not linear shows.

import { summarise } from './bench-stats.js';

export interface Measurement {
  step: string;
  /** Rows (or meldingen) the step handled, for the time per item; null when that means nothing. */
  count: number | null;
  unit: string;
  /** Wall time of every run, in the order they ran. */
  seconds: number[];
  /** CPU time (user + system, all threads) of every run; empty where unknown. */
  cpuSeconds: number[];
  /** Peak RSS over the runs, MiB; null when unknown (the sqlite3 shell). */
  rssMiB: number | null;
  /** The floor this step is compared with: the ratio of the medians. */
  floor?: Measurement;
}

export type Line = (text?: string) => void;

const thousands = (n: number): string => n.toLocaleString('en-US');
const perItemMicros = (seconds: number, count: number): number => (seconds / count) * 1e6;

/** Median wall time over the floor's median; undefined without a floor. */
export function floorRatio(m: Measurement): number | undefined {
  return m.floor === undefined ? undefined : summarise(m.seconds).median / summarise(m.floor.seconds).median;
}

/** The same for CPU time, which a busy machine disturbs less; undefined without both. */
export function floorCpuRatio(m: Measurement): number | undefined {
  if (m.floor === undefined || m.cpuSeconds.length === 0 || m.floor.cpuSeconds.length === 0) return undefined;
  return summarise(m.cpuSeconds).median / summarise(m.floor.cpuSeconds).median;
}

function printColumns(out: Line, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  out(line(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) out(line(row));
}

export function printSummary(out: Line, measurements: readonly Measurement[]): void {
  const header = ['step', 'count', 'runs', 'median s', 'min–max s', 'µs each', 'CPU s', 'peak RSS MiB', '× floor', '× floor CPU'];
  const rows = measurements.map((m) => {
    const s = summarise(m.seconds);
    const ratio = floorRatio(m);
    const cpuRatio = floorCpuRatio(m);
    return [
      m.step,
      m.count === null ? '' : `${thousands(m.count)} ${m.unit}`,
      String(m.seconds.length),
      s.median.toFixed(2),
      m.seconds.length === 1 ? '' : `${s.min.toFixed(2)}–${s.max.toFixed(2)}`,
      m.count === null ? '' : perItemMicros(s.median, m.count).toFixed(1),
      m.cpuSeconds.length === 0 ? '' : summarise(m.cpuSeconds).median.toFixed(2),
      m.rssMiB === null ? '' : m.rssMiB.toFixed(0),
      ratio === undefined ? '' : ratio.toFixed(2),
      cpuRatio === undefined ? '' : cpuRatio.toFixed(2),
    ];
  });
  printColumns(out, header, rows);
}

export interface SizeResult {
  rows: number;
  floor: Measurement | null;
  imported: Measurement;
  again: Measurement;
}

/** Median µs per row of each kind of step at each size, and the largest size over the smallest. */
export function printPerRow(out: Line, sizes: readonly SizeResult[]): void {
  if (sizes.length === 0) return;
  const kinds: { label: string; pick: (s: SizeResult) => Measurement | null }[] = [
    { label: 'sqlite3 .import (floor)', pick: (s) => s.floor },
    { label: 'eropaf import', pick: (s) => s.imported },
    { label: 'the same file again', pick: (s) => s.again },
  ];
  const micros = (m: Measurement | null, rows: number): number | null => (m === null ? null : perItemMicros(summarise(m.seconds).median, rows));
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  const growth = sizes.length > 1 ? [`${thousands(last.rows)} / ${thousands(first.rows)}`] : [];
  const header = ['µs per row (median)', ...sizes.map((s) => thousands(s.rows)), ...growth];
  const rows = kinds.map(({ label, pick }) => {
    const cells = sizes.map((s) => micros(pick(s), s.rows));
    const a = cells[0];
    const b = cells[cells.length - 1];
    return [
      label,
      ...cells.map((c) => (c === null ? '' : c.toFixed(1))),
      ...(growth.length === 0 ? [] : [a == null || b == null ? '' : (b / a).toFixed(2)]),
    ];
  });
  const ratioRow = [
    '× floor (medians)',
    ...sizes.map((s) => {
      const r = floorRatio(s.imported);
      return r === undefined ? '' : r.toFixed(2);
    }),
    ...growth.map(() => ''),
  ];
  printColumns(out, header, [...rows, ratioRow]);
}
