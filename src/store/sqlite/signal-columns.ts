import { NUMBER_FIELDS, SIGNAL_RECORD_FIELDS, type SignalRecordField } from '../../core/import/signal-record.js';

// The staging table and the signals table keep the signal record (core/import/signal-record.ts)
// in columns of the same names, in the same order, so that stored signals are copied from
// staging with one INSERT … SELECT.

export const SIGNAL_COLUMNS = SIGNAL_RECORD_FIELDS;

export const SIGNAL_COLUMN_LIST = SIGNAL_COLUMNS.join(', ');

/**
 * The SQL type of each column, as the signals table has it. A staging table must declare these
 * too: in a table that is not STRICT an undeclared (or ANY) column converts text that looks like a
 * number, so a telephone number 0612345678 would lose its leading zero.
 */
export function signalColumnType(column: SignalRecordField): 'INTEGER' | 'TEXT' {
  return NUMBER_FIELDS.has(column) ? 'INTEGER' : 'TEXT';
}
