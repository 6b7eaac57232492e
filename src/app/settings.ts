import { UsageError } from '../core/errors.js';
import { resolveGemeenteOption, type Gemeente } from '../core/gemeente.js';
import { isSettingKey, normaliseSetting, SETTING_KEYS, type SettingKey } from '../core/settings.js';
import type { Store } from '../store/store.js';

/** Refuses a key that is no setting; the command line checks before it opens the database. */
export function assertSettingKey(key: string): asserts key is SettingKey {
  if (!isSettingKey(key)) {
    throw new UsageError(`Er is geen instelling "${key}".`, { hint: `Kies uit: ${SETTING_KEYS.join(', ')}.` });
  }
}

/** Checks and stores one setting (audited); returns its stored form. `eropaf config set` and Beheer call this. */
export async function changeSetting(store: Store, key: string, value: string): Promise<string> {
  assertSettingKey(key);
  const normalised = normaliseSetting(key, value);
  if (!normalised.ok) {
    throw new UsageError(`${key} ${value}: verwacht ${normalised.expected}.`, normalised.hint === undefined ? {} : { hint: normalised.hint });
  }
  await store.transaction(async (tx) => {
    await tx.setSetting(key, normalised.value);
    await tx.appendAudit({ counts: {} });
  });
  return normalised.value;
}

/**
 * Stores `capaciteit.CODE`, the capacity a gemeente's contract fixes for each month (audited);
 * returns the gemeente it is for.
 */
export async function changeGemeenteCapacity(store: Store, key: string, code: string, capacity: number): Promise<Gemeente> {
  const gemeente = resolveGemeenteOption(await store.gemeenten(), key, code);
  await store.transaction(async (tx) => {
    await tx.setSetting(key, String(capacity));
    await tx.appendAudit({ counts: {} });
  });
  return gemeente;
}

/** When a changed setting takes effect, in words. */
export function settingTakesEffect(key: string): string {
  if (key.startsWith('triage.')) return 'de volgende triage';
  if (key.startsWith('web.')) return 'het volgende verzoek in de webapp';
  if (key.startsWith('ddas.')) return 'de volgende "eropaf export ddas"';
  return 'de volgende "eropaf purge"';
}
