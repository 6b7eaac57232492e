import type { StoredContact } from './followup-plan.js';
import type { Parsed } from './types.js';

// A melding's attempts as `eropaf attempts` numbers them, and why one may be deleted. The reason
// is one of a few fixed words: it goes into the audit log, which never holds free text (a typed
// reason could name the resident).

/** The attempts in the order they were made (date, then time, then as recorded); number N is index N-1. */
export function numberedAttempts(contacts: readonly StoredContact[]): StoredContact[] {
  return [...contacts].sort(
    (a, b) => a.datum.localeCompare(b.datum) || (a.tijd ?? '').localeCompare(b.tijd ?? '') || a.id - b.id,
  );
}

export const DELETE_REASONS = [
  { code: 'dubbel', description: 'dezelfde poging staat er twee keer' },
  { code: 'verkeerde-melding', description: 'de poging hoort bij een andere melding' },
  { code: 'niet-gebeurd', description: 'de poging heeft niet plaatsgevonden' },
  { code: 'anders', description: 'een andere reden' },
] as const;

export type DeleteReason = (typeof DELETE_REASONS)[number]['code'];

export function parseDeleteReason(text: string): Parsed<DeleteReason> {
  const found = DELETE_REASONS.find((r) => r.code === text.trim().toLowerCase());
  return found === undefined
    ? { ok: false, expected: `een reden: ${DELETE_REASONS.map((r) => r.code).join(', ')}` }
    : { ok: true, value: found.code };
}
