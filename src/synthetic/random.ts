// A small seeded PRNG (sfc32) with the helpers the generators need. Synthetic data must be
// reproducible byte for byte (the fixtures are checked against a fresh generation), so nothing in
// src/synthetic/ may use Math.random or the clock.

/** Mixes 32-bit values into one seed (murmur3's finaliser), so that derived streams do not overlap. */
export function mixSeed(...parts: readonly (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const value = typeof part === 'number' ? part >>> 0 : hashString(part);
    h = fmix32((h ^ value) + 0x7f4a7c15 + (h << 6) + (h >>> 2));
    // Numbers above 2^32 (household indices never are, but be safe) keep their high bits too.
    if (typeof part === 'number' && part > 0xffffffff) h = fmix32(h ^ Math.floor(part / 0x100000000));
  }
  return h >>> 0;
}

function hashString(text: string): number {
  // FNV-1a: tiny and good enough to turn a label into a seed part.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** Running totals per weight table; tables are module constants, so this computes each once. */
const cumulativeCache = new WeakMap<Weighted<unknown>, Float64Array>();

function cumulative(entries: Weighted<unknown>): Float64Array {
  let sums = cumulativeCache.get(entries);
  if (sums === undefined) {
    sums = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0)) throw new RangeError(`negative or missing weight at ${i}`);
      total += weight;
      (sums as Float64Array)[i] = total;
    });
    if (!(total > 0)) throw new RangeError('a weight table needs a positive total weight');
    cumulativeCache.set(entries, sums);
  }
  return sums;
}

/**
 * The entry a unit value u in [0, 1) falls on. Lets a hash stand in for a generator where a
 * stable choice is needed without the cost of seeding one (a household's insurer, say).
 */
export function weightedAt<T>(entries: Weighted<T>, u: number): T {
  const sums = cumulative(entries);
  const point = u * (sums[sums.length - 1] as number);
  let low = 0;
  let high = sums.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (point < (sums[mid] as number)) high = mid;
    else low = mid + 1;
  }
  return (entries[low] as readonly [T, number])[0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    const s = typeof seed === 'string' ? mixSeed(seed) : seed >>> 0;
    // sfc32 needs 128 bits of state; spread the 32-bit seed over it and discard the first outputs,
    // because nearby seeds otherwise start with correlated values.
    this.a = fmix32(s ^ 0x243f6a88);
    this.b = fmix32(s ^ 0x85a308d3);
    this.c = fmix32(s ^ 0x13198a2e);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A fresh generator derived from this seed and a label; does not advance this one. */
  static derive(seed: number, ...labels: readonly (number | string)[]): Random {
    return new Random(mixSeed(seed, ...labels));
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): expected integers with min <= max`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(entries: Weighted<T>): T {
    return weightedAt(entries, this.next());
  }

  /** A shuffled copy (Fisher-Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy;
  }

  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }
}
