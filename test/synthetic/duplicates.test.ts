import { describe, expect, it } from 'vitest';
import { take, withExactDuplicates } from '../../src/synthetic/duplicates.js';

const numbers = (count: number): number[] => Array.from({ length: count }, (_, i) => i);

function counts(values: readonly number[]): Map<number, number> {
  const seen = new Map<number, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  return seen;
}

describe('withExactDuplicates', () => {
  it('keeps every row once, in order, and adds copies of about the share asked', () => {
    const out = [...withExactDuplicates(numbers(50_000), { share: 0.02, seed: 7 })];
    const seen = new Set<number>();
    const originals = out.filter((v) => !seen.has(v) && seen.add(v));
    expect(originals).toEqual(numbers(50_000));
    const copies = out.length - 50_000;
    expect(copies).toBeGreaterThan(50_000 * 0.015);
    expect(copies).toBeLessThan(50_000 * 0.025);
    expect(Math.max(...counts(out).values())).toBe(2);
  });

  it('puts each copy after its original, no further than maxDistance rows on', () => {
    const out = [...withExactDuplicates(numbers(20_000), { share: 0.05, seed: 3, maxDistance: 40 })];
    const first = new Map<number, number>();
    out.forEach((v, i) => {
      const earlier = first.get(v);
      if (earlier === undefined) first.set(v, i);
      else {
        expect(i).toBeGreaterThan(earlier);
        // Copies that fall due together come one after the other, so allow for a few of them.
        expect(i - earlier).toBeLessThanOrEqual(40 + 10);
      }
    });
  });

  it('gives the same rows for the same seed and other rows for another seed', () => {
    const run = (seed: number): number[] => [...withExactDuplicates(numbers(5_000), { share: 0.02, seed })];
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('adds nothing at share 0 and copies every row at share 1', () => {
    expect([...withExactDuplicates(numbers(100), { share: 0, seed: 1 })]).toEqual(numbers(100));
    expect([...withExactDuplicates(numbers(100), { share: 1, seed: 1 })]).toHaveLength(200);
  });

  it('refuses a share outside 0 to 1', () => {
    expect(() => [...withExactDuplicates([1], { share: 1.5, seed: 1 })]).toThrow(RangeError);
  });
});

describe('take', () => {
  it('stops after the count, also on an endless stream', () => {
    const endless = function* (): Generator<number> {
      for (let i = 0; ; i++) yield i;
    };
    expect([...take(endless(), 3)]).toEqual([0, 1, 2]);
    expect([...take([1, 2], 5)]).toEqual([1, 2]);
    expect([...take([1, 2], 0)]).toEqual([]);
  });
});
