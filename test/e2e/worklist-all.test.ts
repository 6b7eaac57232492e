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
  it("lists every month's open work, oldest first, and only that worker's with --worker", async () => {
    const w = workspace();
    expectSuccess(await w.run(['import', lijst('2022-01')]));
    expectSuccess(await w.run(['import', lijst('2022-02')]));
    expectSuccess(await w.run(['workers', 'add', 'Anna de Vries', '--capacity', '15']));
    expectSuccess(await w.run(['workers', 'add', 'Bram Jansen', '--capacity', '15']));
    expectSuccess(await w.run(['triage', '--month', '2022-01']));
    expectSuccess(await w.run(['triage', '--month', '2022-02']));
    const january = refsOf(expectSuccess(await w.run(['worklist', '--month', '2022-01', '--format', 'csv'])).stdout);
    const february = refsOf(expectSuccess(await w.run(['worklist', '--month', '2022-02', '--format', 'csv'])).stdout);
    expectSuccess(await w.run(['close', january[0]!, '--result', 'advies']));

    const all = refsOf(expectSuccess(await w.run(['worklist', '--format', 'csv'])).stdout);
    expect(all).toEqual([...january.slice(1), ...february].sort());
    const anna = refsOf(expectSuccess(await w.run(['werklijst', '--worker', 'Anna de Vries', '--format', 'csv'])).stdout);
    const bram = refsOf(expectSuccess(await w.run(['werklijst', '--worker', 'Bram Jansen', '--format', 'csv'])).stdout);
    expect(anna.length).toBeGreaterThan(0);
    expect(bram.length).toBeGreaterThan(0);
    expect([...anna, ...bram].sort()).toEqual(all);
    expect(anna).toEqual([...anna].sort());
  }, TIMEOUT);
});
