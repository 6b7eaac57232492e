import { DataError } from '../core/errors.js';
import type { Store, WorkerRecord } from '../store/store.js';

/** Finds a worker by name, ignoring case and surrounding spaces; the error lists who exists. */
export async function findWorker(store: Store, name: string): Promise<WorkerRecord> {
  const workers = await store.workers();
  const wanted = name.trim().toLowerCase();
  const worker = workers.find((w) => w.name.toLowerCase() === wanted);
  if (worker !== undefined) return worker;
  throw new DataError(`Er is geen medewerker "${name.trim()}".`, {
    details: [`Bekende medewerkers: ${workers.length === 0 ? '(geen)' : workers.map((w) => w.name).join(', ')}`],
    hint: 'Controleer de schrijfwijze, of voeg de medewerker toe met: eropaf workers add "Naam" --capacity N',
  });
}

export async function addWorker(
  store: Store,
  worker: { name: string; capacity: number; createdAt: string },
): Promise<WorkerRecord> {
  const name = worker.name.trim().replace(/\s+/g, ' ');
  if (name === '') throw new DataError('Een medewerker heeft een naam nodig.', { hint: 'Bijvoorbeeld: eropaf workers add "Anna de Vries" --capacity 17' });
  return store.transaction(async (tx) => {
    const existing = (await tx.workers()).find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (existing !== undefined) {
      throw new DataError(`Er is al een medewerker "${existing.name}".`, {
        hint: `Wijzig de capaciteit met: eropaf workers set "${existing.name}" --capacity N${existing.active ? '' : `, of activeer de medewerker weer met: eropaf workers activate "${existing.name}"`}`,
      });
    }
    const added = await tx.addWorker({ ...worker, name });
    await tx.appendAudit({ counts: { capaciteit: added.capacity } });
    return added;
  });
}

export async function updateWorker(
  store: Store,
  name: string,
  change: { capacity?: number; active?: boolean },
): Promise<WorkerRecord> {
  const worker = await findWorker(store, name);
  await store.transaction(async (tx) => {
    await tx.updateWorker(worker.id, change);
    await tx.appendAudit({ counts: change.capacity === undefined ? {} : { capaciteit: change.capacity } });
  });
  return { ...worker, ...change };
}
