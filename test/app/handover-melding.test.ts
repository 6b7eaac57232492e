// Handing over one melding of a household whose case another melding joined ("lopend"): the whole
// case goes to the colleague, so that the household stays on one worklist.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOverMelding } from '../../src/app/handover.js';
import { bundledStore, firstJoinedCase, queryFile, removeBundledStore, type BundledStore } from './bundled-store.js';

let bundled: BundledStore;

/** January's picked melding and February's melding of the same household that joined its case. */
let janRef: string;
let febRef: string;

beforeEach(async () => {
  bundled = await bundledStore('eropaf-app-handover-', { anna: 10, bram: 8 });
  ({ janRef, febRef } = await firstJoinedCase(bundled));
});

afterEach(() => {
  removeBundledStore(bundled);
});

function workerOf(ref: string): string | null {
  const [row] = queryFile<{ name: string | null }>(
    bundled.file,
    `SELECT w.name FROM meldingen m JOIN decisions d ON d.melding_id = m.id LEFT JOIN workers w ON w.id = d.worker_id
     WHERE printf('%s-%03d', m.month, m.seq) = ?`,
    ref,
  );
  return row!.name;
}

const other = (name: string | null): string => (name === 'Anna de Vries' ? 'Bram Jansen' : 'Anna de Vries');

describe('handing over one melding of a joined case', () => {
  for (const which of ['root', 'joined member'] as const) {
    it(`moves every open melding of the case when the ${which} is handed over`, async () => {
      const ref = which === 'root' ? janRef : febRef;
      const colleague = other(workerOf(ref));
      const outcome = await handOverMelding(bundled.store, ref, colleague);
      expect(workerOf(janRef)).toBe(colleague);
      expect(workerOf(febRef)).toBe(colleague);
      expect(outcome.moves.map((m) => m.ref).sort()).toEqual([janRef, febRef].sort());
    });
  }
});
