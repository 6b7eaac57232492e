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
  /** The signal's own number in eropaf: a stable ID for a signal the list gave no kenmerk. */
  rowId: number;
  signaalId: string | null;
  /** The list's kenmerk is used for signals of more than one month. */
  kenmerkRecurs: boolean;
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
  opgevolgd: boolean;
  resultaat: Eindresultaat | null;
  /** The date the signals were matched into this melding: the import. */
  matchedOn: IsoDate;
  signals: DdasSignalInput[];
  contacts: Array<{ soort: Contactsoort; bereikt: boolean; datum: IsoDate; dagdeel: Dagdeel | null }>;
}

export interface DdasDeliveryOptions {
  period: Period;
  gemeentecode: string;
  organisation: { naam: string; kvk?: string; contact?: { naam?: string; email?: string; telefoon?: string } };
  supplierCode: string;
  deliveredAt: string;
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

function signalStatus(melding: DdasMeldingInput): string {
  const { resultaat } = melding;
  // A worker who made contact anyway picked the melding up, whatever the triage had decided.
  const notPickedUp = resultaat !== null && resultaat.startsWith('Niet opgepakt');
  if (resultaat !== null && RESULT_AS_STATUS.has(resultaat) && !(notPickedUp && melding.opgevolgd)) return resultaat;
  if (melding.opgevolgd || melding.decision === 'altijd' || melding.decision === 'capaciteit') return 'Opgepakt';
  return 'Nog niet opgepakt';
}

/** Picked up on the day of the triage, or on the first contact attempt when that came first. */
function pickedUpOn(melding: DdasMeldingInput): IsoDate | null {
  const dates = [melding.decidedOn, ...melding.contacts.map((c) => c.datum)].filter((d): d is IsoDate => d !== null);
  return dates.length === 0 ? null : dates.reduce((a, b) => (a < b ? a : b));
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

/**
 * Signal IDs, the same in every delivery: the list's own kenmerk where it has one, else one made
 * from eropaf's own number for the signal. A kenmerk the lists used in more than one month gets
 * the month appended, so that every ID names one signal.
 */
function signalIds(meldingen: readonly DdasMeldingInput[]): string[][] {
  return meldingen.map((m) =>
    m.signals.map((s) => {
      if (s.signaalId === null) return `eropaf-${s.rowId}`;
      return s.kenmerkRecurs ? `${s.signaalId}-${m.month}` : s.signaalId;
    }),
  );
}

export function buildDdasDelivery(meldingen: readonly DdasMeldingInput[], options: DdasDeliveryOptions): unknown {
  const ids = signalIds(meldingen);
  const vroegsignalen = meldingen.flatMap((melding, m) =>
    melding.signals.map((signal, s) => ({
      ID: ids[m]![s]!,
      crisissignaal: signal.crisissignaal,
      warmeOverdracht: signal.warmeOverdracht,
      bedrag: roundHalfUp(signal.bedragCents, 100),
      ...(signal.ontstaansdatum !== null && { ontstaansdatum: signal.ontstaansdatum }),
      signaaldatum: signal.signaaldatum,
      status: signalStatus(melding),
      signaalpartner: { type: signal.signaalpartner },
      client: client(signal),
    })),
  );
  const vroegsignaalzaken = meldingen.map((melding, m) => ({
    ...(melding.resultaat !== null && { resultaat: melding.resultaat }),
    matchingsdatum: melding.matchedOn,
    startdatumMatchingperiode: `${melding.month}-01`,
    einddatumMatchingperiode: monthEnd(melding.month),
    ...(pickedUpOn(melding) !== null && { datumOpgepakt: pickedUpOn(melding) }),
    vroegsignalen: ids[m]!.map((ID) => ({ ID })),
    contactpogingen: melding.contacts.map((c) => ({
      soort: c.soort,
      bereikt: c.bereikt,
      datum: c.datum,
      ...(c.dagdeel !== null && { dagdeel: c.dagdeel }),
    })),
  }));
  const { organisation } = options;
  const contact = organisation.contact;
  return {
    startdatumLevering: `${options.period.from}-01`,
    einddatumLevering: monthEnd(options.period.to),
    aanleverdatumEnTijd: options.deliveredAt,
    codeGegevensleverancier: options.supplierCode,
    leveringen: [
      {
        teller: 1,
        gemeentecode: options.gemeentecode,
        aanleverendeOrganisatie: {
          naam: organisation.naam,
          ...(organisation.kvk !== undefined && { 'kvk-nummer': organisation.kvk }),
          ...(contact !== undefined && {
            contactpersonen: [
              {
                ...(contact.naam !== undefined && { naam: contact.naam }),
                ...(contact.telefoon !== undefined && { telefoonnummer: contact.telefoon }),
                ...(contact.email !== undefined && { email: contact.email }),
              },
            ],
          }),
        },
        vroegsignalen,
        vroegsignaalzaken,
      },
    ],
  };
}
