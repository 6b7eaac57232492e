import { DataError } from '../core/errors.js';
import { parseRef } from '../core/reference.js';
import type { MeldingState, Store } from '../store/store.js';

/** The stored state of the melding with this reference; an unknown one is a data error. */
export async function meldingState(store: Store, ref: string): Promise<MeldingState> {
  const parsed = parseRef(ref);
  const [state] = parsed === null ? [] : await store.meldingStates([parsed]);
  if (state === undefined) {
    throw new DataError(`Melding ${ref.trim()} bestaat niet.`, {
      hint: 'Controleer het meldingnummer (zoals 2022-03-017) op de werklijst; "eropaf worklist --month JJJJ-MM" toont ze.',
    });
  }
  return state;
}
