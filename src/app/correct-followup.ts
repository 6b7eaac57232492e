import { numberedAttempts } from '../core/attempts.js';
import { DataError } from '../core/errors.js';
import type { StoredContact } from '../core/followup-plan.js';
import type { Eindresultaat } from '../core/followup.js';
import type { Store } from '../store/store.js';
import { meldingState } from './melding-state.js';

// Correcting what was recorded by hand: an attempt recorded by mistake is deleted, a result
// closed by mistake is taken away (the melding is open again, its attempts stay).

/** A melding's attempts, numbered as `attempts --delete N` takes them. */
export async function listAttempts(store: Store, ref: string): Promise<{ ref: string; attempts: StoredContact[] }> {
  const state = await meldingState(store, ref);
  return { ref: state.ref, attempts: numberedAttempts(state.contacts) };
}

/**
 * Deletes attempt number `number` (1-based, as listed), audited. The front end asks for the
 * reason (core/attempts.ts DELETE_REASONS); it is among the options the audit record keeps.
 */
export async function deleteAttempt(store: Store, ref: string, number: number): Promise<StoredContact> {
  return store.transaction(async (tx) => {
    const { ref: canonical, attempts } = await listAttempts(tx, ref);
    const attempt = attempts[number - 1];
    if (attempt === undefined) {
      throw new DataError(`Melding ${canonical} heeft geen poging ${number}${attempts.length === 0 ? ' (er zijn geen pogingen)' : ` (er zijn er ${attempts.length})`}.`, {
        hint: `"eropaf attempts ${canonical}" toont de pogingen met hun nummer.`,
      });
    }
    await tx.deleteContact(attempt.id);
    await tx.appendAudit({ counts: { verwijderd: 1 } });
    return attempt;
  });
}

/** Removes the result of a closed melding; its attempts stay. Returns the result it had. */
export async function reopenMelding(store: Store, ref: string): Promise<{ ref: string; previous: Eindresultaat }> {
  return store.transaction(async (tx) => {
    const state = await meldingState(tx, ref);
    if (state.resultaat === null) {
      throw new DataError(`Melding ${state.ref} is niet afgesloten.`, { hint: 'Alleen een afgesloten melding kan worden heropend.' });
    }
    if (state.resultSource !== 'medewerker') {
      throw new DataError(`Melding ${state.ref} is niet opgepakt ("${state.resultaat}"); heropenen kan alleen bij een afgesloten melding.`, {
        hint: `Wilt u er toch aan werken, pak de melding dan op: eropaf pickup ${state.ref} --worker NAAM.`,
      });
    }
    // Reopened, the melding is open work again: not for a worker who left, whose open work was
    // handed over when they did.
    const worker = (await tx.workers()).find((w) => w.id === state.workerId);
    if (worker !== undefined && !worker.active) {
      throw new DataError(`Na heropenen is melding ${state.ref} weer open werk van ${worker.name}, maar ${worker.name} staat op non-actief.`, {
        hint: `Activeer eerst (eropaf workers activate "${worker.name}"), heropen de melding, en draag het werk over: eropaf workers handover "${worker.name}" --to NAAM.`,
      });
    }
    await tx.deleteResult(state.id);
    await tx.appendAudit({ counts: { heropend: 1 } });
    return { ref: state.ref, previous: state.resultaat };
  });
}
