import { DataError } from '../../core/errors.js';
import {
  buildDdasDelivery,
  DDAS_MAX_SIGNALS_PER_FILE,
  splitIntoParts,
  type DdasDeliveryOptions,
  type DdasMeldingInput,
} from '../../core/report/ddas.js';
import { describePeriod, type Period } from '../../core/report/period.js';
import type { DeliveryDetails, Store } from '../../store/store.js';
import { deliveryContentSha256 } from './changed-deliveries.js';
import { ddasValidator, type DeliveryValidator, type SchemaViolation } from './validate-delivery.js';

// The national delivery as a plan: every part built and checked against the schema before the
// caller writes anything. A delivery that breaks the schema is a bug in eropaf, never the user's
// data: it is refused whole, naming the first violations by place, never by value.

export interface DeliveryPart {
  /** The complete delivery of this part, as written (JSON, pretty-printed). */
  json: string;
  vroegsignalen: number;
  vroegsignaalzaken: number;
}

export interface DeliveryPlan {
  parts: DeliveryPart[];
  details: DeliveryDetails;
}

/** How many violations the error names; the rest are counted. */
const VIOLATIONS_SHOWN = 5;

/** A delivery that breaks the schema: a bug in eropaf, never the user's data. */
export class DeliverySchemaError extends DataError {}

/** Refuses a period some of whose months no longer hold the personal data a delivery needs. */
export async function refusePurgedPeriod(store: Store, period: Period): Promise<void> {
  const purged = await store.purgedMonths(period);
  if (purged.length > 0) {
    throw new DataError(
      `De persoonsgegevens van ${purged.join(', ')} zijn al verwijderd (bewaartermijn voorbij); de landelijke levering heeft ze nodig.`,
      { hint: 'Lever een periode aan vóór de bewaartermijn afloopt; "eropaf purge --dry-run" laat zien wat binnenkort verwijderd wordt.' },
    );
  }
}

/** The meldingen of a period, refused when their personal data is gone or there are none. */
async function deliverableMeldingen(store: Store, period: Period, gemeenteId?: number): Promise<DdasMeldingInput[]> {
  await refusePurgedPeriod(store, period);
  const meldingen = await store.ddasData(period, gemeenteId);
  if (meldingen.length === 0) {
    throw new DataError(`Er zijn geen meldingen in ${describePeriod(period)}.`, {
      hint: 'Kies een periode waarvan de lijsten zijn ingelezen; "eropaf months" toont ze.',
    });
  }
  return meldingen;
}

export async function planDdasDelivery(
  store: Store,
  options: DdasDeliveryOptions & { gemeenteId?: number },
  maxSignalsPerFile = DDAS_MAX_SIGNALS_PER_FILE,
): Promise<DeliveryPlan> {
  const meldingen = await deliverableMeldingen(store, options.period, options.gemeenteId);
  const validate = ddasValidator();
  const parts = splitIntoParts(meldingen, maxSignalsPerFile).map((meldingenOfPart, index, all): DeliveryPart => {
    const delivery = buildDdasDelivery(meldingenOfPart, options);
    refuseInvalidDelivery(validate, delivery, index + 1, all.length);
    return {
      json: `${JSON.stringify(delivery, null, 2)}\n`,
      vroegsignalen: meldingenOfPart.reduce((sum, m) => sum + m.signals.length, 0),
      vroegsignaalzaken: meldingenOfPart.length,
    };
  });
  return { parts, details: deliveryRecordOf(options.gemeentecode, meldingen, parts.length) };
}

/** What is recorded of one gemeente's delivery of these meldingen (for purge and the reminders of changed deliveries). */
export function deliveryRecordOf(gemeentecode: string, meldingen: readonly DdasMeldingInput[], parts: number): DeliveryDetails {
  return {
    gemeentecode,
    vroegsignalen: meldingen.reduce((sum, m) => sum + m.signals.length, 0),
    vroegsignaalzaken: meldingen.length,
    parts,
    contentSha256: deliveryContentSha256(meldingen),
  };
}

/** Throws DeliverySchemaError, naming the first violations by place, when the delivery breaks the schema. */
export function refuseInvalidDelivery(validate: DeliveryValidator, delivery: unknown, part = 1, parts = 1): void {
  const violations = validate(delivery);
  if (violations.length > 0) throw schemaBug(violations, part, parts);
}

function schemaBug(violations: readonly SchemaViolation[], part: number, parts: number): DeliverySchemaError {
  const shown = violations.slice(0, VIOLATIONS_SHOWN).map((v) => `${v.path}: ${v.message}`);
  if (violations.length > VIOLATIONS_SHOWN) shown.push(`en nog ${violations.length - VIOLATIONS_SHOWN} andere`);
  return new DeliverySchemaError(
    `De levering${parts > 1 ? ` (deel ${part} van ${parts})` : ''} voldoet niet aan het DDAS-schema v1.2; er is niets geschreven.`,
    {
      details: shown,
      hint: 'Dit is een fout in eropaf, niet in uw gegevens: meld dit bij de beheerders van eropaf, met deze foutmelding (er staan geen persoonsgegevens in).',
    },
  );
}
