// End to end: `worklist` without --month is all open work over all months, oldest first, of one
// worker (--worker) or of everyone.

import { describe, expect, it } from 'vitest';
import { lijst, unexpectedStderr, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;

function expectSuccess(result: RunResult): RunResult {
  expect(unexpectedStderr(result.stderr), result.stderr).toBe('');
  expect(result.status, result.stderr).toBe(0);
  return result;
}

const refsOf = (csv: string): string[] =>
  csv
    .split('\r\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.split(';')[0]!);

describe('worklist without --month', () => {
  it("lists every month's open work, oldest first, and only that worker's with --worker", () => {
    const w = workspace();
    expectSuccess(w.run(['import', lijst('2022-01')]));
    expectSuccess(w.run(['import', lijst('2022-02')]));
    expectSuccess(w.run(['workers', 'add', 'Anna de Vries', '--capacity', '15']));
    expectSuccess(w.run(['workers', 'add', 'Bram Jansen', '--capacity', '15']));
    expectSuccess(w.run(['triage', '--month', '2022-01']));
    expectSuccess(w.run(['triage', '--month', '2022-02']));
    const january = refsOf(expectSuccess(w.run(['worklist', '--month', '2022-01', '--format', 'csv'])).stdout);
    const february = refsOf(expectSuccess(w.run(['worklist', '--month', '2022-02', '--format', 'csv'])).stdout);
    expectSuccess(w.run(['close', january[0]!, '--result', 'advies']));

    const all = refsOf(expectSuccess(w.run(['worklist', '--format', 'csv'])).stdout);
    expect(all).toEqual([...january.slice(1), ...february].sort());
    const anna = refsOf(expectSuccess(w.run(['werklijst', '--worker', 'Anna de Vries', '--format', 'csv'])).stdout);
    const bram = refsOf(expectSuccess(w.run(['werklijst', '--worker', 'Bram Jansen', '--format', 'csv'])).stdout);
    expect(anna.length).toBeGreaterThan(0);
    expect(bram.length).toBeGreaterThan(0);
    expect([...anna, ...bram].sort()).toEqual(all);
    expect(anna).toEqual([...anna].sort());
  }, TIMEOUT);
});
