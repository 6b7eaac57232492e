import { UsageError } from '../core/errors.js';
import { isSettingKey, normaliseSetting, SETTING_KEYS } from '../core/settings.js';
import type { Store } from '../store/store.js';

/** Checks and stores one setting (audited); returns its stored form. `eropaf config set` and Beheer call this. */
export async function changeSetting(store: Store, key: string, value: string): Promise<string> {
  if (!isSettingKey(key)) {
    throw new UsageError(`Er is geen instelling "${key}".`, { hint: `Kies uit: ${SETTING_KEYS.join(', ')}.` });
  }
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

/** When a changed setting takes effect, in words. */
export function settingTakesEffect(key: string): string {
  if (key.startsWith('triage.')) return 'de volgende triage';
  if (key.startsWith('web.')) return 'het volgende verzoek in de webapp';
  if (key.startsWith('ddas.')) return 'de volgende "eropaf export ddas"';
  return 'de volgende "eropaf purge"';
}
