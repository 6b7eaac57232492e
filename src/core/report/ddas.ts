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
  signaalId: string | null;
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
  if (melding.resultaat !== null && RESULT_AS_STATUS.has(melding.resultaat)) return melding.resultaat;
  if (melding.opgevolgd || melding.decision === 'altijd' || melding.decision === 'capaciteit') return 'Opgepakt';
  return 'Nog niet opgepakt';
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
 * Signal IDs: the list's own kenmerk where it has one, else a stable one made from the melding
 * reference and the signal's place in it. A kenmerk that recurs in another month of the period
 * gets the month appended, so that every ID in the delivery names one signal.
 */
function signalIds(meldingen: readonly DdasMeldingInput[]): string[][] {
  const months = new Map<string, Set<Month>>();
  for (const m of meldingen) {
    for (const s of m.signals) {
      if (s.signaalId !== null) months.set(s.signaalId, (months.get(s.signaalId) ?? new Set()).add(m.month));
    }
  }
  return meldingen.map((m) =>
    m.signals.map((s, index) => {
      if (s.signaalId === null) return `eropaf-${m.ref}-${index + 1}`;
      return (months.get(s.signaalId)?.size ?? 0) > 1 ? `${s.signaalId}-${m.month}` : s.signaalId;
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
    ...(melding.decidedOn !== null && { datumOpgepakt: melding.decidedOn }),
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
