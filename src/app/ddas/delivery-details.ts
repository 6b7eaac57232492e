import { UsageError } from '../../core/errors.js';
import type { DdasContact, DdasDeliveryOptions } from '../../core/report/ddas.js';
import { parseDetailText, parseEmail, parseGemeentecode, parseKvk, savedDetail, type DdasDetailKey } from '../../core/report/ddas-settings.js';
import type { Period } from '../../core/report/period.js';
import type { Parsed } from '../../core/types.js';
import type { Store } from '../../store/store.js';
import { packageVersion } from '../../version.js';
import type { DeliveryPlan } from './export-delivery.js';

// The details of a national delivery (who delivers, whom CBS answers, the software), for every
// front end: each given for this delivery (an option of `export ddas`, a field of the web form)
// or else saved once with `eropaf config set ddas.…`, and checked by the same parser either way.

/** The details given for this one delivery, by their setting's key; absent or undefined: the saved value. */
export type GivenDetails = Partial<Record<DdasDetailKey, string | undefined>>;

/** A detail that is missing or wrong, with its key: a form shows the message by the detail's field. */
export class DeliveryDetailError extends UsageError {
  constructor(
    readonly key: DdasDetailKey,
    message: string,
    options: { hint?: string },
  ) {
    super(message, options);
  }
}

export interface DeliveryDetails {
  organisation: DdasDeliveryOptions['organisation'];
  supplierCode: string;
  /** The gemeentecode of a delivery: the gemeente's own, or else the one given or saved. */
  gemeentecode(own: string | null): string;
}

const PARSERS: Record<DdasDetailKey, (text: string) => Parsed<string>> = {
  'ddas.gemeentecode': parseGemeentecode,
  'ddas.organisatie': parseDetailText,
  'ddas.kvk': parseKvk,
  'ddas.contact-naam': parseDetailText,
  'ddas.contact-email': parseEmail,
  'ddas.contact-telefoon': parseDetailText,
  'ddas.functietitel': parseDetailText,
  'ddas.leverancier': parseDetailText,
};

/**
 * The delivery's details from what was given and what was saved. `name` is how the front end
 * calls a detail in its messages (`--organisation`, or a field's label).
 */
export function deliveryDetails(
  saved: ReadonlyMap<string, string>,
  given: GivenDetails,
  name: (key: DdasDetailKey) => string,
  missingHint: (key: DdasDetailKey) => string = (key) => `Geef ${name(key)} mee, of bewaar de waarde één keer met: eropaf config set ${key} WAARDE`,
): DeliveryDetails {
  const detail = (key: DdasDetailKey): string | undefined => {
    const text = given[key];
    if (text === undefined) return savedDetail(saved, key);
    const parsed = PARSERS[key](text);
    if (parsed.ok) return parsed.value;
    throw new DeliveryDetailError(key, `${name(key)} ${text}: verwacht ${parsed.expected}.`, parsed.hint === undefined ? {} : { hint: parsed.hint });
  };
  const required = (key: DdasDetailKey, why: string): string => {
    const value = detail(key);
    if (value !== undefined) return value;
    throw new DeliveryDetailError(key, `${name(key)} ontbreekt: ${why}.`, { hint: missingHint(key) });
  };
  const organisation = required('ddas.organisatie', 'de levering noemt de aanleverende organisatie');
  const email = required('ddas.contact-email', 'het CBS stuurt zijn terugmelding over de levering naar dit adres');
  const kvk = detail('ddas.kvk');
  const contactName = detail('ddas.contact-naam');
  const contactPhone = detail('ddas.contact-telefoon');
  const functietitel = detail('ddas.functietitel');
  const supplierCode = detail('ddas.leverancier') ?? `eropaf ${packageVersion()}`;
  const contact: DdasContact = {
    email,
    ...(contactName !== undefined && { naam: contactName }),
    ...(contactPhone !== undefined && { telefoon: contactPhone }),
    ...(functietitel !== undefined && { functietitel }),
  };
  return {
    organisation: { naam: organisation, ...(kvk !== undefined && { kvk }), contact },
    supplierCode,
    gemeentecode: (own) =>
      own ??
      required(
        'ddas.gemeentecode',
        'de levering hoort bij één gemeente (de CBS-code, Heemstede: 0397; of geef de gemeente haar code met "eropaf gemeenten set CODE NAAM")',
      ),
  };
}

/** Records deliveries made (for the reminders of changed deliveries and purge), each audited with its counts. */
export async function recordDeliveries(store: Store, period: Period, at: Date, plans: readonly DeliveryPlan[]): Promise<void> {
  await store.transaction(async (tx) => {
    for (const { details } of plans) {
      await tx.recordDelivery('ddas', period, at.toISOString(), details);
      await tx.appendAudit({ counts: { vroegsignalen: details.vroegsignalen, vroegsignaalzaken: details.vroegsignaalzaken, delen: details.parts } });
    }
  });
}
