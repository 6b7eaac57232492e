import { formatCents } from './fields/amount.js';
import { compareRoute, postcodeArea, proposesClosing, visitReason, VISIT_REASON_TEXT, type VisitReason, type VisitRules } from './house-visit.js';
import type { IsoDate } from './types.js';
import {
  describeProposal,
  dutchDate,
  FILL_IN_COLUMNS,
  formatAddress,
  formatOrganisations,
  type WorklistAttempt,
  type WorklistEntry,
} from './worklist.js';

// The house-visit list: the open meldingen the phone could not reach, in route order and grouped
// by postcode area, with what the visitor needs at the door. No BSN, no phone number or e-mail
// address: a visitor does not need them, and a printed sheet can be lost.

export interface VisitLine {
  entry: WorklistEntry;
  reason: VisitReason;
  /** A visit was made without contact and the waiting days have passed. */
  proposeClosing: boolean;
}

export interface VisitArea {
  /** The four digits of the postcode. */
  area: string;
  visits: VisitLine[];
}

/** The entries that need a house visit, in route order, grouped by postcode area. */
export function planVisitList(entries: readonly WorklistEntry[], rules: VisitRules, today: IsoDate): VisitArea[] {
  const visits: VisitLine[] = [];
  for (const entry of entries) {
    const reason = visitReason(entry, rules);
    if (reason !== null) visits.push({ entry, reason, proposeClosing: proposesClosing(entry.attempts, rules, today) });
  }
  visits.sort((a, b) => compareRoute(a.entry.person, b.entry.person) || a.entry.ref.localeCompare(b.entry.ref));
  const areas: VisitArea[] = [];
  for (const visit of visits) {
    const area = postcodeArea(visit.entry.person.postcode);
    const last = areas.at(-1);
    if (last?.area === area) last.visits.push(visit);
    else areas.push({ area, visits: [visit] });
  }
  return areas;
}

/** `Telefoon 01-03-2022 ochtend`: kind, date and (when known) part of day. */
export function formatAttempt(attempt: WorklistAttempt): string {
  const parts = [attempt.soort, dutchDate(attempt.datum)];
  if (attempt.dagdeel !== null) parts.push(attempt.dagdeel.toLowerCase());
  return parts.join(' ');
}

/** The room to write at the door on a printed visit: short lines to fill in, then space for a note. */
export const VISIT_WRITE_BOX = {
  lines: ['Datum en tijd:', 'Bereikt: ja / nee', 'Kaartje achtergelaten: ja / nee', 'Samen met:'],
  notes: 'Notitie:',
} as const;

/**
 * The columns of the house-visit list. It ends in the worklist's fill-in columns, so that a
 * filled-in visit list is read back by `eropaf outcomes` like a worklist.
 */
export const VISIT_COLUMNS = [
  'gebied',
  'melding',
  'medewerker',
  'naam',
  'adres',
  'organisaties',
  'totaal',
  'eerdere_pogingen',
  'reden',
  'voorstel',
  ...FILL_IN_COLUMNS,
] as const;
export type VisitColumn = (typeof VISIT_COLUMNS)[number];

export function visitCells(visit: VisitLine): Record<VisitColumn, string> {
  const { entry } = visit;
  return {
    gebied: postcodeArea(entry.person.postcode),
    melding: entry.ref,
    medewerker: entry.worker ?? '(nog niemand)',
    naam: entry.person.naam ?? '',
    adres: formatAddress(entry.person),
    organisaties: formatOrganisations(entry),
    totaal: formatCents(entry.totalCents),
    eerdere_pogingen: entry.attempts.map(formatAttempt).join(' | '),
    reden: VISIT_REASON_TEXT[visit.reason],
    voorstel: visit.proposeClosing ? describeProposal('afsluiten') : '',
    contact_datum: '',
    contact_soort: '',
    bereikt: '',
    resultaat: '',
    notitie: '',
  };
}

/** The visit list's rows in VISIT_COLUMNS order, as the CSV of the command line and the web app hold them. */
export function visitRows(areas: readonly VisitArea[]): string[][] {
  return areas.flatMap((area) =>
    area.visits.map((visit) => {
      const cells = visitCells(visit);
      return VISIT_COLUMNS.map((column) => cells[column]);
    }),
  );
}
