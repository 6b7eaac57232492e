import { UsageError } from './errors.js';
import type { Parsed } from './types.js';

// Several municipalities in one database: each sends its own list, gets its own table and its
// own national delivery, while the workers are shared. A gemeente is known by its CBS code (four
// digits) and its name. A database from before gemeenten existed keeps its lists under one
// gemeente that has neither yet, until `eropaf gemeenten set` gives them.

export interface Gemeente {
  id: number;
  /** the CBS gemeentecode, four digits; null for the gemeente of an older database until it is named */
  code: string | null;
  name: string | null;
}

export function parseGemeenteCode(text: string): Parsed<string> {
  const code = text.trim();
  if (/^\d{4}$/.test(code)) return { ok: true, value: code };
  return { ok: false, expected: 'een gemeentecode van vier cijfers (de CBS-code, bijvoorbeeld 0397 voor Heemstede)' };
}

export function parseGemeenteName(text: string): Parsed<string> {
  const name = text.trim().replace(/\s+/g, ' ');
  if (name !== '' && !/^\d+$/.test(name) && name.length <= 80) return { ok: true, value: name };
  return { ok: false, expected: 'de naam van de gemeente, bijvoorbeeld Heemstede' };
}

/** How a gemeente is named in messages and tables: "0397 Heemstede", or a description of the unnamed one. */
export function describeGemeente(gemeente: Gemeente): string {
  if (gemeente.code === null) return '(gemeente zonder code en naam)';
  return `${gemeente.code} ${gemeente.name ?? ''}`.trim();
}

/** The setting that fixes a gemeente's capacity in a month, from its contract. */
export function capacitySettingKey(code: string): string {
  return `capaciteit.${code}`;
}

/** `capaciteit.0397` → '0397'; null for any other key. */
export function codeOfCapacitySetting(key: string): string | null {
  const match = /^capaciteit\.(\d{4})$/.exec(key);
  return match === null ? null : match[1]!;
}

/** The configured capacities of the gemeenten that have one, by gemeente id. */
export function gemeenteCapacities(gemeenten: readonly Gemeente[], settings: ReadonlyMap<string, string>): Map<number, number> {
  const shares = new Map<number, number>();
  for (const gemeente of gemeenten) {
    if (gemeente.code === null) continue;
    const stored = settings.get(capacitySettingKey(gemeente.code));
    if (stored !== undefined && /^\d+$/.test(stored)) shares.set(gemeente.id, Number(stored));
  }
  return shares;
}

function knownList(known: readonly Gemeente[]): string {
  return known.length === 0 ? 'nog geen' : known.map(describeGemeente).join(', ');
}

const ADD_HINT = 'Voeg een gemeente toe met: eropaf gemeenten add CODE NAAM (bijvoorbeeld: eropaf gemeenten add 0397 Heemstede).';

/** The gemeente an option names, by code or by name (any case). */
export function findGemeente(known: readonly Gemeente[], text: string): Gemeente | undefined {
  const wanted = text.trim().toLowerCase();
  return known.find((g) => g.code === wanted || (g.name !== null && g.name.toLowerCase() === wanted));
}

/** `--gemeente` of a command: the gemeente it names, or a usage error naming the known ones. */
export function resolveGemeenteOption(known: readonly Gemeente[], option: string, text: string): Gemeente {
  const found = findGemeente(known, text);
  if (found !== undefined) return found;
  throw new UsageError(`${option} ${text}: deze gemeente is onbekend (bekende gemeenten: ${knownList(known)}).`, {
    hint: ADD_HINT,
  });
}

/** Whether `text` (a file name) holds the gemeente's code as a number of its own or its name. */
function fileNameMentions(fileName: string, gemeente: Gemeente): boolean {
  if (gemeente.code === null) return false;
  if (new RegExp(`(^|\\D)${gemeente.code}(\\D|$)`).test(fileName)) return true;
  return gemeente.name !== null && fileName.toLowerCase().includes(gemeente.name.toLowerCase());
}

/**
 * The gemeente a list is imported for: the one `--gemeente` names; without it the only one the
 * database has, or the only one whose name or code the file name holds. Null when the database
 * has none yet: the import then makes the gemeente without code and name, as an older database has.
 */
export function gemeenteOfImport(known: readonly Gemeente[], option: string | undefined, fileName: string): Gemeente | null {
  if (option !== undefined) return resolveGemeenteOption(known, '--gemeente', option);
  if (known.length === 0) return null;
  if (known.length === 1) return known[0]!;
  const mentioned = known.filter((g) => fileNameMentions(fileName, g));
  if (mentioned.length === 1) return mentioned[0]!;
  throw new UsageError(`Voor welke gemeente is ${fileName}? De database kent meer dan één gemeente: ${knownList(known)}.`, {
    hint: 'Geef de gemeente op met --gemeente CODE of --gemeente NAAM, bijvoorbeeld --gemeente 0397.',
  });
}

/** A database with several gemeenten names the gemeente in its output; one with a single gemeente shows it as it always did. */
export function isMultiGemeente(known: readonly Gemeente[]): boolean {
  return known.length > 1;
}

/** One national delivery: the gemeente it is about (undefined: the whole database) and its code. */
export interface DeliveryTarget {
  gemeente: Gemeente | undefined;
  /** null when the gemeente has no code yet: the delivery then takes it from --gemeentecode or the settings */
  code: string | null;
}

/**
 * Which deliveries `export ddas` makes: one per gemeente (a delivery is per gemeente), with the
 * gemeentecode from the database. `--gemeente` or `--gemeentecode` picks one. On a database with
 * one gemeente that has no code yet, the code is the one given or saved, as it always was; a
 * code given that is not the gemeente's own is refused.
 */
export function deliveryTargets(known: readonly Gemeente[], gemeenteOption: string | undefined, codeOption: string | undefined): DeliveryTarget[] {
  if (gemeenteOption !== undefined) {
    const gemeente = resolveGemeenteOption(known, '--gemeente', gemeenteOption);
    checkCode(gemeente, codeOption);
    return [{ gemeente, code: gemeente.code }];
  }
  if (!isMultiGemeente(known)) {
    const only = known[0];
    if (only !== undefined) checkCode(only, codeOption);
    return [{ gemeente: undefined, code: only?.code ?? null }];
  }
  if (codeOption !== undefined) {
    const gemeente = known.find((g) => g.code === codeOption.trim());
    if (gemeente === undefined) {
      throw new UsageError(`--gemeentecode ${codeOption}: geen van de gemeenten in de database heeft deze code (${knownList(known)}).`, {
        hint: 'Laat --gemeentecode weg: eropaf maakt een levering per gemeente, elk met haar eigen code; --gemeente CODE kiest er één.',
      });
    }
    return [{ gemeente, code: gemeente.code }];
  }
  return known.map((gemeente) => ({ gemeente, code: gemeente.code }));
}

function checkCode(gemeente: Gemeente, codeOption: string | undefined): void {
  if (codeOption === undefined || gemeente.code === null || codeOption.trim() === gemeente.code) return;
  throw new UsageError(`--gemeentecode ${codeOption} is niet de code van gemeente ${describeGemeente(gemeente)}.`, {
    hint: 'Laat --gemeentecode weg: de code staat in de database ("eropaf gemeenten list").',
  });
}

/** The file of one gemeente's delivery when there are several: `levering.json` → `levering-0397.json`. */
export function gemeenteFileName(out: string, code: string): string {
  const dot = out.lastIndexOf('.');
  const slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
  return dot > slash + 1 ? `${out.slice(0, dot)}-${code}${out.slice(dot)}` : `${out}-${code}.json`;
}
