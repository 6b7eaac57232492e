// Reopening a melding closed by a worker who has since left (issue 11, "People leaving"): their
// open work was handed over when they left, and a reopened melding would be open work of theirs
// again. It is refused, saying how; once they are active again it is reopened as usual.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reopenMelding } from '../../src/app/correct-followup.js';
import { handOver } from '../../src/app/handover.js';
import { recordFollowUp } from '../../src/app/record-followup.js';
import { triageMonth } from '../../src/app/triage-month.js';
import { updateWorker } from '../../src/app/workers.js';
import { DataError } from '../../src/core/errors.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { bundledStore, now, removeBundledStore, TODAY, type BundledStore } from './bundled-store.js';

let bundled: BundledStore;
let store: SqliteStore;

beforeEach(async () => {
  bundled = await bundledStore('eropaf-app-reopen-', { anna: 10, bram: 8 });
  store = bundled.store;
});

afterEach(() => {
  removeBundledStore(bundled);
});

describe('reopen after the worker left', () => {
  it('is refused, naming the worker and how, and changes nothing; after activating it reopens', async () => {
    const triage = await triageMonth(store, { month: '2022-01', dryRun: false, today: TODAY, now });
    const bram = (await store.workers()).find((w) => w.name === 'Bram Jansen')!;
    const ref = [...triage.plan.decisions].find((d) => d.workerId === bram.id)!.ref;
    await recordFollowUp(
      store,
      [{ entry: { ref, contact: null, result: { resultaat: 'Inwoner is overleden', referredTo: null, closedOn: '2022-01-20' } }, source: null }],
      { dryRun: false, now, today: TODAY },
    );
    await handOver(store, { from: 'Bram Jansen', target: { kind: 'colleague', name: 'Anna de Vries' }, deactivate: true, dryRun: false });
    expect(await store.openWork(bram.id)).toEqual([]);

    await expect(reopenMelding(store, ref)).rejects.toThrow(DataError);
    await expect(reopenMelding(store, ref)).rejects.toThrow(`Na heropenen is melding ${ref} weer open werk van Bram Jansen, maar Bram Jansen staat op non-actief.`);
    const [state] = await store.meldingStates([{ month: '2022-01', seq: Number(ref.slice(8)) }]);
    expect(state!.resultaat).toBe('Inwoner is overleden');
    expect(await store.openWork(bram.id)).toEqual([]);

    await updateWorker(store, 'Bram Jansen', { active: true });
    expect(await reopenMelding(store, ref)).toEqual({ ref, previous: 'Inwoner is overleden' });
    expect((await store.openWork(bram.id)).map((m) => m.ref)).toEqual([ref]);
  });
});
