import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, summarise } from '../../src/tools/bench-stats.js';

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3.5, 10, 2, 8, 1])).toBe(3.5);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder the caller’s array', () => {
    const runs = [3, 1, 2];
    median(runs);
    expect(runs).toEqual([3, 1, 2]);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(RangeError);
  });

  it('has as many values at or below it as at or above it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1 }), (values) => {
        const m = median(values);
        const below = values.filter((v) => v <= m).length;
        const above = values.filter((v) => v >= m).length;
        expect(below).toBeGreaterThanOrEqual(values.length / 2);
        expect(above).toBeGreaterThanOrEqual(values.length / 2);
      }),
    );
  });
});

describe('summarise', () => {
  it('gives the median and the spread from the smallest to the largest run', () => {
    expect(summarise([6.2, 5.1, 7.9])).toEqual({ median: 6.2, min: 5.1, max: 7.9 });
  });

  it('of one run is that run three times', () => {
    expect(summarise([4])).toEqual({ median: 4, min: 4, max: 4 });
  });
});
