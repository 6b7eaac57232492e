import { describe, expect, it } from 'vitest';
import { childCpuSeconds } from '../../src/tools/bench-cpu.js';

// A /proc/<pid>/stat line with made-up values; fields 14-17 are utime, stime, cutime, cstime.
const stat = (comm: string, cutime: number, cstime: number): string =>
  `4242 (${comm}) S 1 4242 4242 0 -1 4194304 1200 300 0 0 57 12 ${cutime} ${cstime} 20 0 11 0 99 1234567 890 18446744073709551615 1 1 0 0 0 0 0 4096 134234626 0 0 0 17 1 0 0 0 0 0`;

describe('childCpuSeconds', () => {
  it('adds the children’s user and system time, in seconds', () => {
    expect(childCpuSeconds(stat('node', 250, 40))).toBe(2.9);
  });

  it('is not misled by spaces or parentheses in the command name', () => {
    expect(childCpuSeconds(stat('a) b (c', 7, 3))).toBe(0.1);
  });

  it('is null for text that is not a stat line', () => {
    expect(childCpuSeconds('')).toBeNull();
    expect(childCpuSeconds('12 (node) S 1')).toBeNull();
  });
});
