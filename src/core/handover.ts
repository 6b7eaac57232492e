// Handing a worker's open work to colleagues: when someone leaves (deactivate) or is away for a
// while (sick leave). Open work is a picked melding without a result. It goes either to one
// named colleague, or is spread over the active colleagues by free capacity: each melding, oldest
// first, to whoever has the most capacity left after their own open work (as the triage assigns).

import { createAssigner } from './triage/assign.js';
import type { TriageWorker } from './triage/types.js';
import { DataError } from './errors.js';

export interface OpenMelding {
  meldingId: number;
  /** e.g. `2022-01-017`; oldest first is ref order */
  ref: string;
}

export type HandoverTarget = { kind: 'colleague'; workerId: number } | { kind: 'spread' };

export interface HandoverInput {
  from: TriageWorker;
  /** the worker's open meldingen */
  open: readonly OpenMelding[];
  target: HandoverTarget;
  /** every worker, the one handing over included */
  workers: readonly TriageWorker[];
  /** open meldingen per worker now, for the free capacity of each colleague */
  openLoad: ReadonlyMap<number, number>;
  /** only these meldingen (references) of the open work move: handing over one melding */
  only?: readonly string[];
}

export interface HandoverMove extends OpenMelding {
  workerId: number;
}

/** Where each open melding goes; throws a DataError when there is nobody to take it. */
export function planHandover(input: HandoverInput): HandoverMove[] {
  const { from, target } = input;
  const open = chosen(input).sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const colleagues = input.workers.filter((w) => w.id !== from.id);
  if (target.kind === 'colleague') {
    const to = colleagues.find((w) => w.id === target.workerId);
    if (to === undefined) {
      throw new DataError('Open werk kan niet aan dezelfde medewerker worden overgedragen.', {
        hint: 'Kies bij --handover of --to een collega.',
      });
    }
    if (!to.active) {
      throw new DataError(`${to.name} staat op non-actief en kan geen werk overnemen.`, {
        hint: `Activeer eerst met: eropaf workers activate "${to.name}", of kies een andere collega.`,
      });
    }
    return open.map((m) => ({ ...m, workerId: to.id }));
  }
  const active = colleagues.filter((w) => w.active);
  if (active.length === 0 && open.length > 0) {
    throw new DataError('Er is geen actieve collega om het open werk over te verdelen.', {
      hint: 'Voeg een medewerker toe met: eropaf workers add "Naam" --capacity N, of draag het werk over met --handover NAAM.',
    });
  }
  const load: number[] = [];
  for (const w of active) for (let i = 0; i < (input.openLoad.get(w.id) ?? 0); i++) load.push(w.id);
  const assigner = createAssigner(active, load);
  return open.map((m) => ({ ...m, workerId: assigner.assign(null)! }));
}

/** The open meldingen that move: all, or those named, each of which must be open work of the worker. */
function chosen(input: HandoverInput): OpenMelding[] {
  if (input.only === undefined) return [...input.open];
  const open = new Map(input.open.map((m) => [m.ref, m]));
  return input.only.map((ref) => {
    const melding = open.get(ref);
    if (melding === undefined) {
      throw new DataError(`Melding ${ref} is geen open werk van ${input.from.name}.`, {
        hint: 'Alleen een opgepakte melding zonder resultaat gaat over naar een collega.',
      });
    }
    return melding;
  });
}
