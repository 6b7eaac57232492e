import { formatCents } from './fields/amount.js';
import { maskBsn } from './fields/bsn.js';
import type { DecisionKind } from './triage/types.js';
import type { Category, Signaalpartner } from './types.js';

// A worklist line: one melding to follow up, with what a worker needs on the phone. The BSN is
// masked here, at the source, so no format can show it in full.

export interface WorklistEntry {
  ref: string;
  worker: string | null;
  kind: DecisionKind;
  reason: string;
  category: Category;
  opeenvolgend: boolean;
  onLastMonth: boolean;
  signals: Array<{ schuldeiser: string | null; signaalpartner: Signaalpartner; bedragCents: number }>;
  totalCents: number;
  contactCount: number;
  /** Personal data, from the melding's signals (the first one that has each value). */
  person: {
    naam: string | null;
    straatnaam: string | null;
    huisnummer: string;
    toevoeging: string;
    postcode: string;
    plaatsnaam: string | null;
    telefoon: string | null;
    email: string | null;
    bsn: string | null;
  };
}

/** The columns the workers fill in; `eropaf outcomes` reads them back. */
export const FILL_IN_COLUMNS = ['contact_datum', 'contact_soort', 'bereikt', 'resultaat', 'notitie'] as const;

export const WORKLIST_COLUMNS = [
  'melding',
  'medewerker',
  'reden',
  'soort',
  'opeenvolgend',
  'organisaties',
  'totaal',
  'naam',
  'adres',
  'telefoon',
  'email',
  'bsn',
  'pogingen',
  ...FILL_IN_COLUMNS,
] as const;
export type WorklistColumn = (typeof WORKLIST_COLUMNS)[number];

export function formatAddress(person: WorklistEntry['person']): string {
  const number = person.toevoeging === '' ? person.huisnummer : `${person.huisnummer} ${person.toevoeging}`;
  const street = person.straatnaam === null ? number : `${person.straatnaam} ${number}`;
  const postcode = `${person.postcode.slice(0, 4)} ${person.postcode.slice(4)}`;
  return [street, [postcode, person.plaatsnaam].filter((p) => p !== null).join(' ')].join(', ');
}

export function formatOrganisations(entry: WorklistEntry): string {
  return entry.signals
    .map((s) => `${s.schuldeiser ?? s.signaalpartner} (${s.signaalpartner}) ${formatCents(s.bedragCents)}`)
    .join(' | ');
}

/** The cells of one worklist line, in WORKLIST_COLUMNS order; the fill-in cells are empty. */
export function worklistCells(entry: WorklistEntry): Record<WorklistColumn, string> {
  return {
    melding: entry.ref,
    medewerker: entry.worker ?? '(nog niemand)',
    reden: entry.reason,
    soort: entry.category,
    opeenvolgend: entry.opeenvolgend ? 'ja' : 'nee',
    organisaties: formatOrganisations(entry),
    totaal: formatCents(entry.totalCents),
    naam: entry.person.naam ?? '',
    adres: formatAddress(entry.person),
    telefoon: entry.person.telefoon ?? '',
    email: entry.person.email ?? '',
    bsn: entry.person.bsn === null ? '' : maskBsn(entry.person.bsn),
    pogingen: String(entry.contactCount),
    contact_datum: '',
    contact_soort: '',
    bereikt: '',
    resultaat: '',
    notitie: '',
  };
}
