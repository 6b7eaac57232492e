import { describe, expect, it } from 'vitest';
import { mixSeed, Random, weightedAt } from '../../src/synthetic/random.js';

const draws = (rng: Random, n: number): number[] => Array.from({ length: n }, () => rng.uint32());

describe('Random', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(new Random(42), 50)).toEqual(draws(new Random(42), 50));
    expect(draws(new Random(42), 50)).not.toEqual(draws(new Random(43), 50));
    expect(draws(new Random('label'), 5)).toEqual(draws(new Random(mixSeed('label')), 5));
  });

  it('derives independent streams without advancing the parent', () => {
    expect(draws(Random.derive(7, 'a', 1), 5)).toEqual(draws(Random.derive(7, 'a', 1), 5));
    expect(draws(Random.derive(7, 'a', 1), 5)).not.toEqual(draws(Random.derive(7, 'a', 2), 5));
    expect(mixSeed(1, 'x')).not.toBe(mixSeed('x', 1));
  });

  it('next() stays in [0, 1) and int() covers both ends of its range', () => {
    const rng = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      seen.add(rng.int(3, 7));
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
    expect(() => rng.int(1.5, 4)).toThrow(RangeError);
  });

  it('weighted() follows the weights and never picks a zero weight', () => {
    const rng = new Random(3);
    const table = [['a', 3], ['b', 1], ['never', 0]] as const;
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 8000; i++) counts[rng.weighted(table)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / 8000).toBeGreaterThan(0.72);
    expect(counts.a / 8000).toBeLessThan(0.78);
    expect(weightedAt(table, 0)).toBe('a');
    expect(weightedAt(table, 0.999999)).toBe('b');
    expect(() => rng.weighted([['x', 0]])).toThrow(RangeError);
  });

  it('chance() matches its probability', () => {
    const rng = new Random(4);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (rng.chance(0.3)) hits++;
    expect(hits / 10_000).toBeGreaterThan(0.28);
    expect(hits / 10_000).toBeLessThan(0.32);
  });

  it('shuffle() returns a permutation and leaves its input alone; sample() picks distinct items', () => {
    const rng = new Random(5);
    const input = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = rng.shuffle(input);
    expect(input).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
    expect(shuffled).not.toEqual(input);
    const sample = rng.sample(input, 8);
    expect(new Set(sample).size).toBe(8);
    expect(rng.sample(input, 50)).toHaveLength(20);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
