// The resident as the list's signals describe them, read the same way by the worklist, the
// search and the melding page, so that the three never show one person differently.

/** The columns of `signals` that describe the resident. */
export const SIGNAL_PERSON_COLUMNS = 'voorletters, voorvoegsel, achternaam, naam, straatnaam, plaatsnaam, telefoon, email, bsn';

export interface SignalPersonRow {
  voorletters: string | null;
  voorvoegsel: string | null;
  achternaam: string | null;
  naam: string | null;
  straatnaam: string | null;
  plaatsnaam: string | null;
  telefoon: string | null;
  email: string | null;
  bsn: string | null;
}

/** The name as a person would write it (initials, prefix, surname), else the list's single name column. */
export function signalPersonName(row: SignalPersonRow): string | null {
  if (row.achternaam === null) return row.naam;
  return [row.voorletters, row.voorvoegsel, row.achternaam].filter((p): p is string => p !== null && p !== '').join(' ');
}
