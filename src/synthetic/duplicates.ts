// Exact duplicate rows, as real exports have them: a row pasted twice, or a batch of the creditor's
// file that ended up in the list a second time. The copy is the same row, kenmerk included, and
// follows the original after a few rows, so a reader cannot drop it by comparing neighbours only.

import { Random } from './random.js';

export interface DuplicateOptions {
  /** Chance that a row is followed (later) by an exact copy of itself; 0.02 for about 2%. */
  share: number;
  seed: number;
  /** The copy comes 1 to this many rows after the original (default 500). */
  maxDistance?: number;
}

/** The rows, with a share of them repeated exactly a little further on; streams. */
export function* withExactDuplicates<T>(rows: Iterable<T>, options: DuplicateOptions): Generator<T, void, undefined> {
  if (!(options.share >= 0 && options.share <= 1)) throw new RangeError(`share ${options.share}: expected 0 to 1`);
  const rng = Random.derive(options.seed, 'exact-duplicates');
  const maxDistance = options.maxDistance ?? 500;
  // Few copies are pending at any time (share × maxDistance), so a plain array is enough.
  let pending: { due: number; row: T }[] = [];
  let position = 0;
  const due = function* (): Generator<T, void, undefined> {
    if (!pending.some((p) => p.due <= position)) return;
    const ready = pending.filter((p) => p.due <= position).sort((a, b) => a.due - b.due);
    pending = pending.filter((p) => p.due > position);
    for (const p of ready) {
      position++;
      yield p.row;
    }
  };
  for (const row of rows) {
    yield* due();
    position++;
    yield row;
    if (rng.chance(options.share)) pending.push({ due: position + rng.int(1, maxDistance), row });
  }
  for (const p of pending.sort((a, b) => a.due - b.due)) yield p.row;
}

/** The first `count` items. */
export function* take<T>(items: Iterable<T>, count: number): Generator<T, void, undefined> {
  if (count <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    if (++taken >= count) return;
  }
}
