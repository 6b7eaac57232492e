import { formatCents } from './fields/amount.js';
import { maskBsn } from './fields/bsn.js';
import { contactDeadline, isPastContactTerm } from './contact-term.js';
import { EINDRESULTATEN, type Contactsoort, type Dagdeel } from './followup.js';
import { proposesClosing, visitReason, type VisitRules } from './house-visit.js';
import type { DecisionKind } from './triage/types.js';
import type { Category, IsoDate, Signaalpartner } from './types.js';

// A worklist line: one melding to follow up, with what a worker needs on the phone. The BSN is
// masked here, at the source, so no format can show it in full.

/** A contact attempt as the worklist and the house-visit list show it (never its note). */
export interface WorklistAttempt {
  soort: Contactsoort;
  bereikt: boolean;
  datum: IsoDate;
  dagdeel: Dagdeel | null;
}

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
  /** The day the list with this melding was imported: the contact term runs from here. */
  listedOn: IsoDate;
  /** Its contact attempts so far, oldest first. */
  attempts: WorklistAttempt[];
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
  'termijn',
  'voorstel',
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

/** A worklist entry judged against the contact term and the house-visit rules on one day. */
export interface WorklistLine extends WorklistEntry {
  /** The last day for a first contact attempt. */
  deadline: IsoDate;
  /** No attempt yet and the deadline has passed. */
  pastTerm: boolean;
  /** What eropaf proposes: a house visit, or closing after a visit without contact. */
  proposal: 'huisbezoek' | 'afsluiten' | null;
}

export interface WorklistRules {
  contactTermDays: number;
  visit: VisitRules;
}

/**
 * Judges each entry on `today` and puts the ones past their contact term first (they wait
 * longest for a first call); otherwise the order stays as given.
 */
export function worklistLines(entries: readonly WorklistEntry[], rules: WorklistRules, today: IsoDate): WorklistLine[] {
  const lines = entries.map((entry): WorklistLine => {
    const closing = proposesClosing(entry.attempts, rules.visit, today);
    return {
      ...entry,
      deadline: contactDeadline(entry.listedOn, rules.contactTermDays),
      pastTerm: isPastContactTerm(entry.listedOn, entry.attempts.length, rules.contactTermDays, today),
      proposal: closing ? 'afsluiten' : visitReason(entry, rules.visit) === null ? null : 'huisbezoek',
    };
  });
  // Array.prototype.sort is stable: equal keys keep their order.
  return lines.sort((a, b) => Number(b.pastTerm) - Number(a.pastTerm));
}

/** `2022-03-15` as a Dutch reader writes it: `15-03-2022`. */
export function dutchDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

const NO_CONTACT = EINDRESULTATEN.find((r) => r.code === 'geen-contact')!;

/** The proposal in words, with the result code to type when the worker agrees. */
export function describeProposal(proposal: WorklistLine['proposal']): string {
  if (proposal === 'huisbezoek') return 'huisbezoek';
  if (proposal === 'afsluiten') return `afsluiten als "${NO_CONTACT.value}" (${NO_CONTACT.code})`;
  return '';
}

/** The term cell: empty once there is an attempt, otherwise until when, or since when it passed. */
export function describeTerm(line: Pick<WorklistLine, 'attempts' | 'deadline' | 'pastTerm'>): string {
  if (line.attempts.length > 0) return '';
  return line.pastTerm ? `verlopen (${dutchDate(line.deadline)})` : `tot ${dutchDate(line.deadline)}`;
}

/** The cells of one worklist line, in WORKLIST_COLUMNS order; the fill-in cells are empty. */
export function worklistCells(entry: WorklistLine): Record<WorklistColumn, string> {
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
    pogingen: String(entry.attempts.length),
    termijn: describeTerm(entry),
    voorstel: describeProposal(entry.proposal),
    contact_datum: '',
    contact_soort: '',
    bereikt: '',
    resultaat: '',
    notitie: '',
  };
}
