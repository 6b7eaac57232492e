import { ageGroup } from '../../core/report/age-group.js';
import type { StagedRow } from '../store.js';

// The columns a signal occupies, in one order, shared by the staging table and the signals
// table so that stored signals are copied from staging with one INSERT … SELECT.

export const SIGNAL_COLUMNS = [
  'dedup_key',
  'organisation_key',
  'signaal_id',
  'signaaldatum',
  'ontstaansdatum',
  'signaalpartner',
  'schuldeiser',
  'bedrag_cents',
  'crisissignaal',
  'warme_overdracht',
  'bsn',
  'voorletters',
  'voorvoegsel',
  'achternaam',
  'naam',
  'geboortedatum',
  'leeftijdsgroep',
  'geslacht',
  'straatnaam',
  'plaatsnaam',
  'telefoon',
  'email',
] as const;

export const SIGNAL_COLUMN_LIST = SIGNAL_COLUMNS.join(', ');

type SignalColumn = (typeof SIGNAL_COLUMNS)[number];

const INTEGER_COLUMNS: ReadonlySet<SignalColumn> = new Set(['bedrag_cents', 'crisissignaal', 'warme_overdracht']);

/**
 * The SQL type of each column, as the signals table has it. A staging table must declare these
 * too: in a table that is not STRICT an undeclared (or ANY) column converts text that looks like a
 * number, so a telephone number 0612345678 would lose its leading zero.
 */
export function signalColumnType(column: SignalColumn): 'INTEGER' | 'TEXT' {
  return INTEGER_COLUMNS.has(column) ? 'INTEGER' : 'TEXT';
}

/** The values of SIGNAL_COLUMNS for one staged row, in that order. */
export function signalValues(row: StagedRow): Array<string | number | null> {
  const { signal } = row;
  const { person } = signal;
  return [
    row.dedupKey,
    row.organisationKey,
    signal.signaalId,
    signal.signaaldatum,
    signal.ontstaansdatum,
    signal.signaalpartner,
    signal.schuldeiser,
    signal.bedragCents,
    signal.crisissignaal ? 1 : 0,
    signal.warmeOverdracht ? 1 : 0,
    person.bsn,
    person.voorletters,
    person.voorvoegsel,
    person.achternaam,
    person.naam,
    person.geboortedatum,
    ageGroup(person.geboortedatum, signal.signaaldatum),
    person.geslacht,
    person.straatnaam,
    person.plaatsnaam,
    person.telefoon,
    person.email,
  ];
}
