import type { Contactsoort, Dagdeel, Eindresultaat } from '../followup.js';
import { daysInMonth } from '../fields/date.js';
import type { DecisionKind } from '../triage/types.js';
import type { Geslacht, IsoDate, Month, Signaalpartner } from '../types.js';
import { roundHalfUp } from './table.js';
import type { Period } from './period.js';

// One delivery in the national DDAS vroegsignalering v1.2 exchange model: every signal of the
// period as a vroegsignaal, every melding as a vroegsignaalzaak. The client is identified by
// the BSN alone when it is known (data minimisation), otherwise by address with birth date and
// gender, as the schema prescribes.

export interface DdasSignalInput {
  /** The signal's delivery ID, decided once when it was stored (migration 5). */
  id: string;
  crisissignaal: boolean;
  warmeOverdracht: boolean;
  bedragCents: number;
  ontstaansdatum: IsoDate | null;
  signaaldatum: IsoDate;
  signaalpartner: Signaalpartner;
  bsn: string | null;
  postcode: string;
  huisnummer: string;
  toevoeging: string;
  geboortedatum: IsoDate | null;
  geslacht: Geslacht | null;
}

export interface DdasMeldingInput {
  ref: string;
  month: Month;
  decision: DecisionKind | null;
  /** The date the triage picked it up (altijd/capaciteit). */
  decidedOn: IsoDate | null;
  resultaat: Eindresultaat | null;
  /** The date the result was recorded. */
  closedOn: IsoDate | null;
  /** The date the signals were matched into this melding: the import. */
  matchedOn: IsoDate;
  signals: DdasSignalInput[];
  contacts: Array<{ soort: Contactsoort; bereikt: boolean; datum: IsoDate; dagdeel: Dagdeel | null }>;
}

export interface DdasContact {
  /** CBS sends its report on each delivery to this address. */
  email: string;
  naam?: string;
  telefoon?: string;
  functietitel?: string;
}

export interface DdasDeliveryOptions {
  period: Period;
  gemeentecode: string;
  organisation: DdasOrganisation;
  /** The software that made the delivery and its version, as the DDAS FAQ asks: `eropaf 0.1.0`. */
  supplierCode: string;
  /** `JJJJ-MM-DDTHH:MM:SSZ`, see ddasTimestamp. */
  deliveredAt: string;
}

/** The most vroegsignalen the national entry application takes in one file. */
export const DDAS_MAX_SIGNALS_PER_FILE = 50_000;

/** A moment as the delivery writes it: UTC to the second, without milliseconds. */
export function ddasTimestamp(moment: Date): string {
  return `${moment.toISOString().slice(0, 19)}Z`;
}

/** Signal statuses the national model has besides Opgepakt / Nog niet opgepakt. */
const RESULT_AS_STATUS: ReadonlySet<Eindresultaat> = new Set<Eindresultaat>([
  'Inwoner al bekend bij schuldhulpverlening',
  'Inwoner is overleden',
  'Niet opgepakt: andere reden',
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: onterecht signaal',
  'Persoon is geen inwoner (meer) in de gemeente',
]);

export function isNotPickedUpResult(resultaat: Eindresultaat | null): boolean {
  return resultaat !== null && resultaat.startsWith('Niet opgepakt');
}

/**
 * How a melding stands in the delivery, decided in one place so that a case agrees with itself:
 * a melding is picked up when a worker tried to make contact, when the triage picked it, or when
 * it was closed with a result other than "Niet opgepakt". A picked-up case has the day it was
 * picked up; one that was not has no such day, no contact attempts, and its signals carry its
 * "Niet opgepakt" result (or "Nog niet opgepakt" while undecided) as their status.
 */
export interface DdasCaseState {
  pickedUp: boolean;
  datumOpgepakt: IsoDate | null;
  /** The result as delivered; a "Niet opgepakt" result is dropped once a worker made contact anyway. */
  resultaat: Eindresultaat | null;
  status: string;
}

export function caseState(melding: DdasMeldingInput): DdasCaseState {
  const notPickedUp = isNotPickedUpResult(melding.resultaat);
  const triagePicked = melding.decision === 'altijd' || melding.decision === 'capaciteit';
  // A worker who made contact picked the melding up, whatever the triage had decided or closed.
  const pickedUp = melding.contacts.length > 0 || (!notPickedUp && (triagePicked || melding.resultaat !== null));
  if (!pickedUp) {
    return { pickedUp, datumOpgepakt: null, resultaat: melding.resultaat, status: melding.resultaat ?? 'Nog niet opgepakt' };
  }
  const resultaat = notPickedUp ? null : melding.resultaat;
  const dates = [
    triagePicked ? melding.decidedOn : null,
    ...melding.contacts.map((c) => c.datum),
    // Closed with a result without an attempt (a referral, a death): picked up when closed.
    resultaat !== null ? melding.closedOn : null,
  ].filter((d): d is IsoDate => d !== null);
  const datumOpgepakt = dates.length === 0 ? null : dates.reduce((a, b) => (a < b ? a : b));
  const status = resultaat !== null && RESULT_AS_STATUS.has(resultaat) ? resultaat : 'Opgepakt';
  return { pickedUp, datumOpgepakt, resultaat, status };
}

function client(signal: DdasSignalInput): Record<string, string> {
  if (signal.bsn !== null) return { burgerservicenummer: signal.bsn };
  return {
    postcode: signal.postcode,
    huisnummer: signal.huisnummer,
    ...(signal.toevoeging !== '' && { huisnummertoevoeging: signal.toevoeging }),
    ...(signal.geboortedatum !== null && { geboortedatum: signal.geboortedatum }),
    ...(signal.geslacht !== null && { geslachtsaanduiding: signal.geslacht }),
  };
}

function monthEnd(month: Month): IsoDate {
  return `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
}

/** The vroegsignalen and vroegsignaalzaken of these meldingen: what a delivery says about them. */
export function ddasRecords(meldingen: readonly DdasMeldingInput[]): { vroegsignalen: unknown[]; vroegsignaalzaken: unknown[] } {
  const vroegsignalen: unknown[] = [];
  const vroegsignaalzaken: unknown[] = [];
  for (const melding of meldingen) {
    const state = caseState(melding);
    for (const signal of melding.signals) {
      vroegsignalen.push({
        ID: signal.id,
        crisissignaal: signal.crisissignaal,
        warmeOverdracht: signal.warmeOverdracht,
        bedrag: roundHalfUp(signal.bedragCents, 100),
        ...(signal.ontstaansdatum !== null && { ontstaansdatum: signal.ontstaansdatum }),
        signaaldatum: signal.signaaldatum,
        status: state.status,
        signaalpartner: { type: signal.signaalpartner },
        client: client(signal),
      });
    }
    vroegsignaalzaken.push({
      ...(state.resultaat !== null && { resultaat: state.resultaat }),
      matchingsdatum: melding.matchedOn,
      startdatumMatchingperiode: `${melding.month}-01`,
      einddatumMatchingperiode: monthEnd(melding.month),
      ...(state.datumOpgepakt !== null && { datumOpgepakt: state.datumOpgepakt }),
      vroegsignalen: melding.signals.map((s) => ({ ID: s.id })),
      contactpogingen: state.pickedUp
        ? melding.contacts.map((c) => ({
            soort: c.soort,
            bereikt: c.bereikt,
            datum: c.datum,
            ...(c.dagdeel !== null && { dagdeel: c.dagdeel }),
          }))
        : [],
    });
  }
  return { vroegsignalen, vroegsignaalzaken };
}

export interface DdasOrganisation {
  naam: string;
  kvk?: string;
  contact: DdasContact;
}

/** One gemeente's `levering`: its code, the organisation that delivers, and its meldingen. */
export function ddasLevering(teller: number, gemeentecode: string, organisation: DdasOrganisation, meldingen: readonly DdasMeldingInput[]): unknown {
  const { contact } = organisation;
  return {
    teller,
    gemeentecode,
    aanleverendeOrganisatie: {
      naam: organisation.naam,
      ...(organisation.kvk !== undefined && { 'kvk-nummer': organisation.kvk }),
      contactpersonen: [
        {
          ...(contact.naam !== undefined && { naam: contact.naam }),
          ...(contact.telefoon !== undefined && { telefoonnummer: contact.telefoon }),
          email: contact.email,
          ...(contact.functietitel !== undefined && { functietitel: contact.functietitel }),
        },
      ],
    },
    ...ddasRecords(meldingen),
  };
}

/** A delivery of these leveringen (made by ddasLevering) over the period. */
export function ddasDeliveryOf(leveringen: readonly unknown[], options: Omit<DdasDeliveryOptions, 'gemeentecode' | 'organisation'>): unknown {
  return {
    startdatumLevering: `${options.period.from}-01`,
    einddatumLevering: monthEnd(options.period.to),
    aanleverdatumEnTijd: options.deliveredAt,
    codeGegevensleverancier: options.supplierCode,
    leveringen,
  };
}

export function buildDdasDelivery(meldingen: readonly DdasMeldingInput[], options: DdasDeliveryOptions): unknown {
  return ddasDeliveryOf([ddasLevering(1, options.gemeentecode, options.organisation, meldingen)], options);
}

/**
 * Splits the meldingen over files of at most `maxSignals` vroegsignalen each, in order, never
 * splitting a melding: each part is delivered as a complete delivery of its own.
 */
export function splitIntoParts<M extends { signals: readonly unknown[] }>(meldingen: readonly M[], maxSignals = DDAS_MAX_SIGNALS_PER_FILE): M[][] {
  const parts: M[][] = [];
  let current: M[] = [];
  let signals = 0;
  for (const melding of meldingen) {
    const size = melding.signals.length;
    if (current.length > 0 && signals + size > maxSignals) {
      parts.push(current);
      current = [];
      signals = 0;
    }
    current.push(melding);
    signals += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** `levering.json` as part 2 of 3: `levering-deel-2-van-3.json`, next to it. */
export function partFileName(out: string, part: number, parts: number): string {
  if (parts === 1) return out;
  const dot = out.lastIndexOf('.');
  const slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
  const hasExtension = dot > slash + 1;
  const stem = hasExtension ? out.slice(0, dot) : out;
  const extension = hasExtension ? out.slice(dot) : '.json';
  return `${stem}-deel-${part}-van-${parts}${extension}`;
}
