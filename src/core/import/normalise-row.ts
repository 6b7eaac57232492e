import { parseAmountCents } from '../fields/amount.js';
import { parseHuisnummer, parsePostcode, parseToevoeging } from '../fields/address.js';
import { maskBsn, parseBsn } from '../fields/bsn.js';
import { parseDate } from '../fields/date.js';
import { parseBoolean, parseGeslacht } from '../fields/flags.js';
import { parseSignaalpartner } from '../fields/signaalpartner.js';
import type { Address, IsoDate, Parsed, Person, Signal } from '../types.js';
import type { Field, HeaderMap } from './headers.js';

/** One problem in one cell (or one row), precise enough to find and fix it in Excel. */
export interface RowProblem {
  line: number;
  /** The header as the file writes it; '' for a problem with the row as a whole. */
  header: string;
  /** The value as it may be shown: masked when it is personal data. */
  shownValue: string;
  expected: string;
  hint?: string;
}

export type RowResult = { ok: true; signal: Signal } | { ok: false; problems: RowProblem[] };

export interface RowContext {
  /** Today's date: no signal can be dated later. The caller owns the clock. */
  today: IsoDate;
}

// Values of these fields identify a person; a message shows them masked.
const PERSONAL_FIELDS: ReadonlySet<Field> = new Set<Field>([
  'voorletters',
  'voorvoegsel',
  'achternaam',
  'naam',
  'geboortedatum',
  'straatnaam',
  'huisnummer',
  'huisnummertoevoeging',
  'postcode',
  'telefoon',
  'email',
]);

const SHOWN_VALUE_MAX = 40;

/** How a cell's value may appear in a message, a summary or a rejects report. */
export function showValue(field: Field, raw: string): string {
  if (field === 'bsn') return maskBsn(raw.trim());
  if (PERSONAL_FIELDS.has(field)) return raw.trim() === '' ? '(leeg)' : '(verborgen)';
  const value = raw.trim();
  if (value === '') return '(leeg)';
  return value.length > SHOWN_VALUE_MAX ? `${value.slice(0, SHOWN_VALUE_MAX)}…` : value;
}

/**
 * eropaf's own CSV files put a `'` before a cell that Excel would run as a formula (`-12,50`,
 * `+31 6…`); a row read back from such a file gets its value back.
 */
function restoreNeutralised(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && '=+-@'.includes(cell[1]!) ? cell.slice(1) : cell;
}

/**
 * Reads one data row into a Signal, collecting every problem rather than stopping at the first,
 * so that one run of the import tells the user everything that needs fixing.
 */
export function normaliseRow(
  fields: readonly string[],
  line: number,
  map: HeaderMap,
  context: RowContext,
): RowResult {
  const problems: RowProblem[] = [];
  const extra = fields.slice(map.headers.length);
  if (extra.some((cell) => cell.trim() !== '')) {
    problems.push({
      line,
      header: '',
      shownValue: `${fields.length} velden`,
      expected: `${map.headers.length} velden, net als de kopregel`,
      hint: 'Controleer het scheidingsteken (--delimiter) en of een veld met een puntkomma of komma tussen aanhalingstekens staat.',
    });
    return { ok: false, problems };
  }

  const text = (field: Field): string => {
    const column = map.index.get(field);
    return column === undefined ? '' : restoreNeutralised((fields[column] ?? '').trim());
  };
  const optionalText = (field: Field): string | null => {
    const value = text(field);
    return value === '' ? null : value;
  };
  const fail = (field: Field, failure: { expected: string; hint?: string }): void => {
    const column = map.index.get(field) ?? -1;
    problems.push({
      line,
      header: map.headers[column] ?? field,
      shownValue: showValue(field, fields[column] ?? ''),
      expected: failure.expected,
      ...(failure.hint === undefined ? {} : { hint: failure.hint }),
    });
  };
  const required = <T>(field: Field, parse: (value: string) => Parsed<T>): T | undefined => {
    const value = text(field);
    if (value === '') {
      fail(field, { expected: 'een waarde (dit veld is verplicht)' });
      return undefined;
    }
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    fail(field, parsed);
    return undefined;
  };
  const optional = <T>(field: Field, parse: (value: string) => Parsed<T>): T | null | undefined => {
    const value = text(field);
    if (value === '') return null;
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    fail(field, parsed);
    return undefined;
  };
  const flag = (field: Field): boolean | undefined => {
    const parsed = optional(field, parseBoolean);
    return parsed === undefined ? undefined : (parsed ?? false);
  };

  const signaaldatum = required('signaaldatum', parseDate);
  if (signaaldatum !== undefined && signaaldatum > context.today) {
    fail('signaaldatum', {
      expected: `een datum die niet na vandaag (${context.today}) ligt`,
      hint: 'Controleer of dag en maand niet verwisseld zijn.',
    });
  }
  const ontstaansdatum = optional('ontstaansdatum', parseDate);
  if (ontstaansdatum && signaaldatum !== undefined && ontstaansdatum > signaaldatum) {
    fail('ontstaansdatum', {
      expected: 'een datum op of vóór de signaaldatum (een achterstand ontstaat vóór het signaal)',
      hint: 'Controleer of de kolommen met de twee datums niet verwisseld zijn.',
    });
  }
  const signaalpartner = required('signaalpartner', parseSignaalpartner);
  const bedragCents = required('bedrag', parseAmountCents);
  const postcode = required('postcode', parsePostcode);
  const huisnummer = required('huisnummer', parseHuisnummer);
  const toevoeging = optional('huisnummertoevoeging', parseToevoeging);
  const bsn = optional('bsn', parseBsn);
  const geboortedatum = optional('geboortedatum', parseDate);
  if (geboortedatum && geboortedatum > context.today) {
    fail('geboortedatum', { expected: 'een geboortedatum in het verleden' });
  }
  const geslacht = optional('geslacht', parseGeslacht);
  const crisissignaal = flag('crisissignaal');
  const warmeOverdracht = flag('warme_overdracht');

  if (
    problems.length > 0 ||
    signaaldatum === undefined ||
    ontstaansdatum === undefined ||
    signaalpartner === undefined ||
    bedragCents === undefined ||
    postcode === undefined ||
    huisnummer === undefined ||
    toevoeging === undefined ||
    bsn === undefined ||
    geboortedatum === undefined ||
    geslacht === undefined ||
    crisissignaal === undefined ||
    warmeOverdracht === undefined
  ) {
    return { ok: false, problems };
  }

  const address: Address = {
    postcode,
    huisnummer,
    toevoeging: toevoeging ?? '',
  };
  const person: Person = {
    bsn,
    voorletters: optionalText('voorletters'),
    voorvoegsel: optionalText('voorvoegsel'),
    achternaam: optionalText('achternaam'),
    naam: optionalText('naam'),
    geboortedatum,
    geslacht,
    straatnaam: optionalText('straatnaam'),
    plaatsnaam: optionalText('plaatsnaam'),
    telefoon: optionalText('telefoon'),
    email: optionalText('email'),
  };
  return {
    ok: true,
    signal: {
      signaalId: optionalText('signaal_id'),
      signaaldatum,
      ontstaansdatum,
      signaalpartner,
      schuldeiser: optionalText('schuldeiser'),
      bedragCents,
      crisissignaal,
      warmeOverdracht,
      address,
      person,
    },
  };
}
