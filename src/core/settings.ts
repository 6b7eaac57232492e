import { formatCents, parseAmountCents } from './fields/amount.js';
import { parsePriorityOrder, PRIORITY_KEY_DESCRIPTIONS } from './triage/config.js';
import { DEFAULT_TRIAGE_CONFIG, type TriageConfig } from './triage/types.js';
import { OPEENVOLGEND_MONTHS } from './import/melding.js';
import type { RetentionPolicy } from './retention.js';
import { DEFAULT_VISIT_RULES, type VisitRules } from './house-visit.js';
import { DEFAULT_CONTACT_TERM_DAYS } from './contact-term.js';
import type { Parsed } from './types.js';
import { DDAS_SETTINGS } from './report/ddas-settings.js';

// The settings a team can change with `eropaf config set`, each with its default, its parser
// and a Dutch explanation. Stored as text; read through here so that a stored value is always
// one the parser accepts.

export interface SettingDefinition<T> {
  description: string;
  defaultValue: T;
  parse(text: string): Parsed<T>;
  format(value: T): string;
}

const MAX_REPEAT_MONTHS = 12;

const repeatMonths: SettingDefinition<number> = {
  description: 'hoeveel maanden terug een opgevolgde melding van dezelfde organisatie een nieuwe melding tot "herhaalde melding" maakt',
  defaultValue: DEFAULT_TRIAGE_CONFIG.repeatMonths,
  parse(text) {
    // Digits only: Number('') is 0, and Number() also reads '1e1' and '0x3'.
    const value = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : NaN;
    if (Number.isInteger(value) && value >= 0 && value <= MAX_REPEAT_MONTHS) return { ok: true, value };
    return { ok: false, expected: `een heel aantal maanden van 0 tot en met ${MAX_REPEAT_MONTHS} (0: nooit herhaald)` };
  },
  format: String,
};

const threshold: SettingDefinition<number | null> = {
  description: 'meldingen met een totaalbedrag onder deze drempel worden niet opgepakt (onterecht signaal); "geen" voor geen drempel',
  defaultValue: DEFAULT_TRIAGE_CONFIG.minAmountCents,
  parse(text) {
    if (text.trim().toLowerCase() === 'geen') return { ok: true, value: null };
    const amount = parseAmountCents(text);
    // The amount parser's hints speak of arrears in a list; a threshold needs its own words.
    return amount.ok ? amount : { ok: false, expected: 'een bedrag van 0 of meer, zoals 25,00, of "geen"' };
  },
  format: (value) => (value === null ? 'geen' : formatCents(value)),
};

const order: SettingDefinition<TriageConfig['order']> = {
  description: `de volgorde waarin enkelvoudige meldingen de capaciteit vullen; ${Object.entries(PRIORITY_KEY_DESCRIPTIONS)
    .map(([key, meaning]) => `${key}: ${meaning}`)
    .join('; ')}`,
  defaultValue: DEFAULT_TRIAGE_CONFIG.order,
  parse: parsePriorityOrder,
  format: (value) => value.join(','),
};

/** Household identity must outlive the look-back of "opeenvolgend", or that figure breaks. */
export const MIN_RETENTION_MONTHS = OPEENVOLGEND_MONTHS;
const MAX_RETENTION_MONTHS = 120;

function retentionMonths(description: string, defaultValue: number): SettingDefinition<number> {
  return {
    description,
    defaultValue,
    parse(text) {
      const value = /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
      if (!Number.isInteger(value) || value > MAX_RETENTION_MONTHS) {
        return { ok: false, expected: `een heel aantal maanden tot en met ${MAX_RETENTION_MONTHS}` };
      }
      if (value < MIN_RETENTION_MONTHS) {
        return {
          ok: false,
          expected: `minstens ${MIN_RETENTION_MONTHS} maanden`,
          hint: `Of een huishouden "opeenvolgend" is, hangt af van de ${MIN_RETENTION_MONTHS} maanden ervoor; korter bewaren maakt dat cijfer onjuist.`,
        };
      }
      return { ok: true, value };
    },
    format: String,
  };
}

/** A whole number from `min` to `max`, such as a number of days or attempts. */
function wholeNumber(description: string, defaultValue: number, min: number, max: number, unit: string): SettingDefinition<number> {
  return {
    description,
    defaultValue,
    parse(text) {
      const value = /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
      if (Number.isInteger(value) && value >= min && value <= max) return { ok: true, value };
      return { ok: false, expected: `een heel aantal ${unit} van ${min} tot en met ${max}` };
    },
    format: String,
  };
}

export const SETTINGS = {
  'triage.herhaald-maanden': repeatMonths,
  'triage.drempel': threshold,
  'triage.volgorde': order,
  'bewaren.niet-opgevolgd': retentionMonths(
    'maanden na de lijstmaand dat persoonsgegevens van niet-opgevolgde meldingen bewaard blijven',
    6,
  ),
  'bewaren.opgevolgd': retentionMonths('maanden na het afsluiten dat persoonsgegevens van opgevolgde meldingen bewaard blijven', 18),
  'huisbezoek.na-pogingen': wholeNumber(
    'na hoeveel onbeantwoorde pogingen op afstand (telefoon, sms/whatsapp, mail, brief) een melding op de huisbezoekenlijst komt; zonder telefoonnummer en e-mailadres meteen',
    DEFAULT_VISIT_RULES.afterAttempts,
    1,
    20,
    'pogingen',
  ),
  'huisbezoek.wachtdagen': wholeNumber(
    'hoeveel dagen na een huisbezoek zonder contact eropaf voorstelt de melding af te sluiten als "Definitief geen contact kunnen krijgen"',
    DEFAULT_VISIT_RULES.waitDays,
    0,
    365,
    'dagen',
  ),
  'termijn.eerste-contact': wholeNumber(
    'binnen hoeveel dagen na het inlezen van de lijst een opgepakte melding een eerste contactpoging moet hebben',
    DEFAULT_CONTACT_TERM_DAYS,
    1,
    365,
    'dagen',
  ),
  ...DDAS_SETTINGS,
} as const;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** Checks a value for a key and returns it in its stored (canonical) form. */
export function normaliseSetting(key: SettingKey, text: string): Parsed<string> {
  const definition = SETTINGS[key] as SettingDefinition<unknown>;
  const parsed = definition.parse(text);
  return parsed.ok ? { ok: true, value: definition.format(parsed.value) } : parsed;
}

function read<T>(definition: SettingDefinition<T>, stored: string | undefined): T {
  if (stored === undefined) return definition.defaultValue;
  const parsed = definition.parse(stored);
  // Stored values went through normaliseSetting; a value that no longer parses falls back.
  return parsed.ok ? parsed.value : definition.defaultValue;
}

export function retentionPolicyFrom(stored: ReadonlyMap<string, string>): RetentionPolicy {
  return {
    notFollowedUpMonths: read(SETTINGS['bewaren.niet-opgevolgd'], stored.get('bewaren.niet-opgevolgd')),
    followedUpMonths: read(SETTINGS['bewaren.opgevolgd'], stored.get('bewaren.opgevolgd')),
  };
}

export function triageConfigFrom(stored: ReadonlyMap<string, string>): TriageConfig {
  return {
    repeatMonths: read(repeatMonths, stored.get('triage.herhaald-maanden')),
    minAmountCents: read(threshold, stored.get('triage.drempel')),
    order: read(order, stored.get('triage.volgorde')),
  };
}

export function visitRulesFrom(stored: ReadonlyMap<string, string>): VisitRules {
  return {
    afterAttempts: read(SETTINGS['huisbezoek.na-pogingen'], stored.get('huisbezoek.na-pogingen')),
    waitDays: read(SETTINGS['huisbezoek.wachtdagen'], stored.get('huisbezoek.wachtdagen')),
  };
}

export function contactTermDaysFrom(stored: ReadonlyMap<string, string>): number {
  return read(SETTINGS['termijn.eerste-contact'], stored.get('termijn.eerste-contact'));
}

/** Every setting with its value in force and whether that is the default, for `eropaf config`. */
export function describeSettings(
  stored: ReadonlyMap<string, string>,
): Array<{ key: SettingKey; value: string; isDefault: boolean; description: string }> {
  return SETTING_KEYS.map((key) => {
    const definition = SETTINGS[key] as SettingDefinition<unknown>;
    const value = definition.format(read(definition, stored.get(key)));
    return { key, value, isDefault: !stored.has(key), description: definition.description };
  });
}
