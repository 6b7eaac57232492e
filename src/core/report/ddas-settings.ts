import type { SettingDefinition } from '../settings.js';
import type { Parsed } from '../types.js';

// The details of the national delivery that stay the same from one half year to the next: saved
// once with `eropaf config set ddas.…`, so that the coordinator does not retype them; an option of
// `export ddas` overrides the saved value. One parser per detail serves both.

/** The text a text setting stores to mean "not set". */
const NOT_SET = 'geen';

/** DDAS field lengths (informatiemodel vroegsignalering: naam, telefoonnummer, functietitel AN200, kvk-nummer AN80). */
const TEXT_MAX = 200;

export function parseGemeentecode(text: string): Parsed<string> {
  const value = text.trim();
  if (/^\d{4}$/.test(value)) return { ok: true, value };
  return { ok: false, expected: 'een CBS-gemeentecode van vier cijfers', hint: 'Bijvoorbeeld 0397 voor Heemstede.' };
}

export function parseKvk(text: string): Parsed<string> {
  const value = text.replace(/\s+/g, '');
  if (/^\d{8}$/.test(value)) return { ok: true, value };
  return { ok: false, expected: 'een KvK-nummer van acht cijfers' };
}

// The address form of the schema's "email" format, kept simple: something@domain.tld without spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

export function parseEmail(text: string): Parsed<string> {
  const value = text.trim();
  if (EMAIL.test(value) && value.length <= TEXT_MAX) return { ok: true, value };
  return { ok: false, expected: 'een e-mailadres zoals coordinator@voorbeeld.nl' };
}

export function parseDetailText(text: string): Parsed<string> {
  const value = text.trim().replace(/\s+/g, ' ');
  if (value === '') return { ok: false, expected: 'een tekst' };
  if (value.length > TEXT_MAX) return { ok: false, expected: `een tekst van hoogstens ${TEXT_MAX} tekens` };
  return { ok: true, value };
}

/** A detail that may be left unset: "geen" clears it. */
function detail(description: string, parse: (text: string) => Parsed<string>): SettingDefinition<string | null> {
  return {
    description: `${description}; "${NOT_SET}" wist de waarde`,
    defaultValue: null,
    parse: (text) => (text.trim().toLowerCase() === NOT_SET ? { ok: true, value: null } : parse(text)),
    format: (value) => value ?? NOT_SET,
  };
}

export const DDAS_SETTINGS = {
  'ddas.gemeentecode': detail('landelijke levering: de CBS-gemeentecode (--gemeentecode)', parseGemeentecode),
  'ddas.organisatie': detail('landelijke levering: de aanleverende organisatie (--organisation)', parseDetailText),
  'ddas.kvk': detail('landelijke levering: het KvK-nummer van de organisatie (--kvk)', parseKvk),
  'ddas.contact-naam': detail('landelijke levering: de naam van de contactpersoon (--contact-name)', parseDetailText),
  'ddas.contact-email': detail('landelijke levering: het e-mailadres waar het CBS zijn terugmelding heen stuurt (--contact-email)', parseEmail),
  'ddas.contact-telefoon': detail('landelijke levering: het telefoonnummer van de contactpersoon (--contact-phone)', parseDetailText),
  'ddas.functietitel': detail('landelijke levering: de functie van de contactpersoon (--functietitel)', parseDetailText),
  'ddas.leverancier': detail('landelijke levering: codeGegevensleverancier, standaard de naam en versie van eropaf (--supplier-code)', parseDetailText),
} as const satisfies Record<string, SettingDefinition<string | null>>;

export type DdasDetailKey = keyof typeof DDAS_SETTINGS;

/** The saved value of a delivery detail, or undefined when it is not set (or no longer parses). */
export function savedDetail(stored: ReadonlyMap<string, string>, key: DdasDetailKey): string | undefined {
  const text = stored.get(key);
  if (text === undefined) return undefined;
  const parsed = DDAS_SETTINGS[key].parse(text);
  return parsed.ok && parsed.value !== null ? parsed.value : undefined;
}
