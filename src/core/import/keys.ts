import type { Address, Signal } from '../types.js';

// Identity rules of the domain, each in one place: what makes two rows the same household,
// the same organisation, or the same signal.

/** A household is an address. */
export function householdKey(address: Address): string {
  return `${address.postcode}|${address.huisnummer}|${address.toevoeging}`;
}

/**
 * The creditor organisation behind a signal. Where the list leaves `schuldeiser` empty, the
 * signaalpartner type stands for the organisation, so two signals of one type without a name
 * count as one organisation.
 */
export function organisationKey(signal: Pick<Signal, 'schuldeiser' | 'signaalpartner'>): string {
  if (signal.schuldeiser === null) return `type:${signal.signaalpartner}`;
  let key = creditorKeys.get(signal.schuldeiser);
  if (key === undefined) {
    key = `org:${signal.schuldeiser.toLowerCase().replace(/\s+/g, ' ').trim()}`;
    if (creditorKeys.size >= CREDITOR_KEYS_KEPT) creditorKeys.clear();
    creditorKeys.set(signal.schuldeiser, key);
  }
  return key;
}

// A list names a few hundred creditors a million times: each name is normalised once. The
// memory stays bounded however many names a file has.
const creditorKeys = new Map<string, string>();
const CREDITOR_KEYS_KEPT = 10_000;

/**
 * Two rows of one month are the same signal when they carry the same signaal_id, or, without an
 * id, the same organisation, type, household, amount and signaaldatum.
 */
export function dedupKey(signal: Signal): string {
  if (signal.signaalId !== null) return `id:${signal.signaalId}`;
  return [
    'row',
    organisationKey(signal),
    signal.signaalpartner,
    householdKey(signal.address),
    signal.bedragCents,
    signal.signaaldatum,
  ].join('|');
}
