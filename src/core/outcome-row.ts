import { DataError } from './errors.js';
import { parseContactDate } from './fields/contact-date.js';
import type { ContactInput, FollowUpEntry, ResultInput } from './followup-plan.js';
import { dagdeelOfClock, parseClockTime, parseContactsoort, parseJaNee, parseResultCode } from './followup.js';
import { normaliseHeader } from './import/headers.js';
import type { RowProblem } from './import/normalise-row.js';
import { parseRef } from './reference.js';
import { FILL_IN_COLUMNS } from './worklist.js';
import type { IsoDate, Parsed } from './types.js';

// Reading one row of a filled-in worklist. Only the reference and the fill-in columns count;
// the workers may add, move or delete any other column in Excel.

// `kaartje` (ja/nee: a card or flyer was left at the attempt) is not on the worklist; a worker
// who visits houses adds the column.
const OPTIONAL_COLUMNS = ['kaartje'] as const;
export const OUTCOME_COLUMNS = ['melding', ...FILL_IN_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly OutcomeColumn[] = ['melding', ...FILL_IN_COLUMNS];

export interface OutcomeHeaderMap {
  index: ReadonlyMap<OutcomeColumn, number>;
  headers: readonly string[];
}

export function mapOutcomeHeaders(headers: readonly string[]): OutcomeHeaderMap {
  const index = new Map<OutcomeColumn, number>();
  headers.forEach((header, column) => {
    const key = normaliseHeader(header);
    const match = OUTCOME_COLUMNS.find((c) => normaliseHeader(c) === key);
    if (match !== undefined && !index.has(match)) index.set(match, column);
  });
  if (!index.has('melding') || !FILL_IN_COLUMNS.some((c) => index.has(c))) {
    const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
    throw new DataError(`Dit bestand is geen ingevulde werklijst: de kolom${missing.length > 1 ? 'men' : ''} ${missing.join(', ')} ontbreken.`, {
      details: [`Gevonden kolommen: ${headers.map((h) => `"${h}"`).join(', ')}`],
      hint: 'Maak een werklijst met "eropaf worklist --format csv", vul die in Excel in en lees die in.',
    });
  }
  return { index, headers };
}

// A worker may type anything into a text cell, a name or a phone number too: such a value is
// shown only when it is short and holds no run of digits that could be a phone number or a BSN.
// The reference, date and yes/no columns hold no free text and are shown as typed (shortened).
const SHOWN_MAX = 30;
const LONG_NUMBER = /\d{5,}/;
const FREE_TEXT: ReadonlySet<OutcomeColumn> = new Set<OutcomeColumn>(['contact_soort', 'resultaat']);

function showOutcomeValue(column: OutcomeColumn, value: string): string {
  if (value === '') return '(leeg)';
  if (FREE_TEXT.has(column) && (value.length > SHOWN_MAX || LONG_NUMBER.test(value.replace(/[\s.\-]/g, '')))) {
    return '(verborgen)';
  }
  return value.length > SHOWN_MAX ? `${value.slice(0, SHOWN_MAX)}…` : value;
}

const TIME_AFTER_DATE = /\s(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)\s*$/;

export type OutcomeRowResult = { ok: true; entry: FollowUpEntry | null } | { ok: false; problems: RowProblem[] };

/** One worklist row: a contact attempt, a result, both, or nothing (a row not yet filled in). */
export function parseOutcomeRow(
  fields: readonly string[],
  line: number,
  map: OutcomeHeaderMap,
  today: IsoDate,
): OutcomeRowResult {
  const problems: RowProblem[] = [];
  const cell = (column: OutcomeColumn): string => {
    const at = map.index.get(column);
    return at === undefined ? '' : (fields[at] ?? '').trim();
  };
  const fail = (column: OutcomeColumn, failure: { expected: string; hint?: string }, shown?: string): void => {
    const at = map.index.get(column);
    const header = at === undefined ? column : (map.headers[at] ?? column);
    problems.push({
      line,
      header,
      shownValue: shown ?? showOutcomeValue(column, cell(column)),
      expected: failure.expected,
      ...(failure.hint !== undefined && { hint: failure.hint }),
    });
  };
  const parsed = <T>(column: OutcomeColumn, parse: (text: string) => Parsed<T>, text = cell(column)): T | undefined => {
    const result = parse(text);
    if (result.ok) return result.value;
    fail(column, result);
    return undefined;
  };

  const contactCells = [cell('contact_datum'), cell('contact_soort'), cell('bereikt')];
  const hasContact = contactCells.some((c) => c !== '');
  const hasResult = cell('resultaat') !== '';
  // A note belongs to a contact attempt (the results table has no place for one): a note on a
  // row without an attempt would be lost silently, also when the row carries a result.
  if (!hasContact && cell('notitie') !== '') {
    // The note's text may be personal: it is never shown.
    fail('notitie', {
      expected: 'een notitie bij een contactpoging',
      hint: 'Vul ook contact_datum, contact_soort en bereikt in, of laat de notitie weg.',
    }, '(verborgen)');
  }
  // A card is left at an attempt: on a row without one it would be lost silently.
  const card = cell('kaartje') === '' ? false : parsed('kaartje', parseJaNee);
  if (card === true && !hasContact) {
    fail('kaartje', { expected: 'een kaartje bij een poging', hint: 'Vul ook contact_datum, contact_soort en bereikt in.' });
  }
  if (!hasContact && !hasResult) {
    return problems.length > 0 ? { ok: false, problems } : { ok: true, entry: null };
  }

  // The melding cell may hold anything a worker typed, a name too: it is never shown.
  const ref = cell('melding');
  const parsedRef = parseRef(ref);
  if (parsedRef === null) {
    problems.push({
      line,
      header: '',
      shownValue: 'geen meldingnummer',
      expected: 'in de kolom melding een meldingnummer zoals 2022-03-017',
      hint: 'Laat de kolom melding staan zoals eropaf hem schreef.',
    });
  }

  let contact: ContactInput | null = null;
  if (hasContact) {
    // The time (14:30, or 14.30 as Dutch often writes it) is split off here: the date parsers
    // only know dates.
    const timeMatch = TIME_AFTER_DATE.exec(cell('contact_datum'));
    const time = timeMatch?.[1];
    const dateText = timeMatch === null ? cell('contact_datum') : cell('contact_datum').slice(0, timeMatch.index);
    const datum = parsed('contact_datum', (text) => parseContactDate(text, parsedRef?.month ?? null), dateText);
    if (datum !== undefined && datum > today) {
      fail('contact_datum', { expected: `een datum die niet na vandaag (${today}) ligt` });
    }
    const tijd = time === undefined ? null : parsed('contact_datum', parseClockTime, time);
    const dagdeel = typeof tijd === 'string' ? dagdeelOfClock(tijd) : tijd;
    const soort = parsed('contact_soort', parseContactsoort);
    const bereikt = parsed('bereikt', parseJaNee);
    if (datum !== undefined && dagdeel !== undefined && tijd !== undefined && soort !== undefined && bereikt !== undefined) {
      const notitie = cell('notitie');
      contact = { soort, bereikt, datum, dagdeel, tijd, notitie: notitie === '' ? null : notitie };
    }
  }
  let result: ResultInput | null = null;
  if (hasResult) {
    const resultaat = parsed('resultaat', parseResultCode);
    if (resultaat !== undefined) result = { resultaat, referredTo: null, closedOn: contact?.datum ?? null };
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entry: { ref, contact, ...(card === true && { card }), result } };
}
