// csv-parse's errors in Dutch. Its own messages quote the field being parsed, which may be a
// name or a BSN, so they are never passed on; only the error code and the position are used.

import { CsvError } from 'csv-parse';
import { DataError } from '../core/errors.js';

/** The largest record accepted, in characters; see `readRecords`. */
export const MAX_RECORD_CHARS = 1024 * 1024;

const QUOTE_RULE =
  'In CSV staat een veld met een aanhalingsteken in zijn geheel tussen aanhalingstekens, en wordt een aanhalingsteken binnen dat veld verdubbeld (""). Sla het bestand zo nodig opnieuw op vanuit Excel.';

/**
 * Describes a parse error in the record that starts on `line`.
 * Returns undefined for errors that are not csv-parse's.
 */
export function parseError(error: unknown, line: number): DataError | undefined {
  if (!(error instanceof CsvError)) return undefined;
  const column = typeof error['index'] === 'number' ? ` (kolom ${error['index'] + 1})` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new DataError(`Regel ${line}: een aanhalingsteken (") wordt geopend maar niet gesloten.`, {
        hint: `Zoek op deze regel het veld dat met " begint en zet er aan het eind een " achter. ${QUOTE_RULE}`,
      });
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new DataError(`Regel ${line}${column}: na het afsluitende aanhalingsteken (") volgt nog tekst in hetzelfde veld.`, {
        hint: `Staat er een spatie na het aanhalingsteken, haal die weg. ${QUOTE_RULE} Controleer ook of het juiste scheidingsteken is gekozen.`,
      });
    case 'INVALID_OPENING_QUOTE':
      return new DataError(`Regel ${line}${column}: er staat een aanhalingsteken (") midden in een veld.`, {
        hint: QUOTE_RULE,
      });
    case 'CSV_MAX_RECORD_SIZE':
      return new DataError(`Regel ${line}: de regel is groter dan 1 MB; zo'n regel hoort niet in een lijst met signalen.`, {
        hint: 'Meestal wordt op deze regel een aanhalingsteken (") geopend en niet gesloten, zodat de rest van het bestand als één veld wordt gelezen. Controleer de regel in een teksteditor, en controleer of het juiste scheidingsteken is gekozen.',
      });
    default:
      return new DataError(`Regel ${line}: het bestand kan niet als CSV worden gelezen (${error.code}).`, {
        hint: 'Controleer of dit het CSV-bestand met de maandlijst is, en sla het zo nodig opnieuw op vanuit Excel.',
      });
  }
}
