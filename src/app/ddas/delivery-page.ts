import { DataError, UsageError } from '../../core/errors.js';
import { describeGemeente, type Gemeente } from '../../core/gemeente.js';
import {
  DDAS_MAX_SIGNALS_PER_FILE,
  ddasDeliveryOf,
  ddasLevering,
  splitIntoParts,
  type DdasMeldingInput,
  type DdasOrganisation,
} from '../../core/report/ddas.js';
import { parseGemeentecode, savedDetail } from '../../core/report/ddas-settings.js';
import { deliveryDetails } from './delivery-details.js';
import type { Period } from '../../core/report/period.js';
import type { DeliveryDetails, Store } from '../../store/store.js';
import { deliveryRecordOf, refuseInvalidDelivery, refusePurgedPeriod } from './export-delivery.js';
import { ddasValidator } from './validate-delivery.js';

// One page of the national delivery as CBS pulls it through the DDAS supplier API: the same
// content as `export ddas` for the period, one levering per gemeente in the database, paged so
// that a melding (a vroegsignaalzaak) and its signals are always on one page.

export interface DeliveryPageRequest {
  period: Period;
  /** Only the gemeente (by name or code) or the organisation CBS names; all when absent. */
  aanleverendeOrganisatie?: string;
  page: number;
  /** Vroegsignalen a page, at most DDAS_MAX_SIGNALS_PER_FILE. */
  pageSize: number;
}

export interface Paginering {
  pageSize: number;
  currentPage: number;
  totalPages: number;
  totalRecords: number;
}

export interface DeliveryPage {
  gegevens: unknown;
  paginering: Paginering;
  /** What the page holds, in counts (for the audit log). */
  counts: { vroegsignalen: number; vroegsignaalzaken: number; leveringen: number };
  /**
   * On the last page CBS has had the whole period: one delivery per gemeente to record, as
   * `export ddas` records it (its parts: the pages). Absent on the pages before.
   */
  delivered?: DeliveryDetails[];
}

/** The saved delivery details the API delivers with: it has no options to take them from. */
export interface ApiDeliverySetup {
  organisation: DdasOrganisation;
  supplierCode: string;
  /** The gemeenten delivered for: the one to name, whose data (all with one gemeente), and its code. */
  targets: Array<{ gemeente: Gemeente | undefined; gemeenteId: number | undefined; code: string }>;
}

/**
 * The organisation, contact and gemeentecodes from the saved settings (`config set ddas.…`) and
 * the gemeenten in the database; refused with what to set when one is missing.
 */
export async function apiDeliverySetup(store: Store): Promise<ApiDeliverySetup> {
  const saved = await store.settings();
  // The API has no options: every detail is a saved setting, so the hint names only `config set`.
  const { organisation, supplierCode } = deliveryDetails(
    saved,
    {},
    (key) => `De instelling ${key}`,
    (key) => `Bewaar de waarde één keer met: eropaf config set ${key} WAARDE.`,
  );
  const known = await store.gemeenten();
  const savedCode = savedDetail(saved, 'ddas.gemeentecode');
  // With one gemeente its data is all the data (as export ddas reads it); its code may be saved.
  const single = known.length <= 1;
  const targets = (
    single
      ? [{ gemeente: known[0], gemeenteId: undefined, code: known[0]?.code ?? savedCode ?? null }]
      : known.map((g) => ({ gemeente: g, gemeenteId: g.id, code: g.code }))
  ).map((target) => {
    if (target.code !== null && parseGemeentecode(target.code).ok) return { ...target, code: target.code };
    throw new UsageError(
      `${target.gemeente === undefined ? 'De gemeente' : `Gemeente ${describeGemeente(target.gemeente)}`} heeft nog geen CBS-gemeentecode; elke levering hoort bij één gemeente.`,
      { hint: 'Geef de gemeente haar code met "eropaf gemeenten set CODE NAAM" (of, met één gemeente, "eropaf config set ddas.gemeentecode CODE").' },
    );
  });
  return { organisation, supplierCode, targets };
}

/** The gemeenten CBS asks for: all, or the one its name or code names (or all, naming the organisation). */
function chosenTargets(setup: ApiDeliverySetup, name: string | undefined): ApiDeliverySetup['targets'] {
  if (name === undefined) return setup.targets;
  const wanted = normalise(name);
  if (wanted === normalise(setup.organisation.naam)) return setup.targets;
  const matching = setup.targets.filter((t) => {
    const names = [t.code, t.gemeente?.name ?? null].filter((n): n is string => n !== null).map(normalise);
    return names.includes(wanted) || names.some((n) => wanted === `gemeente ${n}`);
  });
  if (matching.length > 0) return matching;
  throw new DataError(`Over de organisatie "${name}" levert deze bron geen gegevens.`, {
    hint: `Laat aanleverendeOrganisatie weg voor alle gemeenten, of noem ${setup.organisation.naam} of een van de gemeenten (naam of CBS-code).`,
  });
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

type PagedMelding = DdasMeldingInput & { levering: number };

/**
 * Builds the requested page and checks it against the DDAS schema. A period with purged months
 * and an unknown organisation are DataErrors; a page past the last a UsageError; a page that breaks
 * the schema a DeliverySchemaError (a bug in eropaf: nothing may be sent).
 */
export async function ddasDeliveryPage(store: Store, setup: ApiDeliverySetup, request: DeliveryPageRequest, deliveredAt: string): Promise<DeliveryPage> {
  const targets = chosenTargets(setup, request.aanleverendeOrganisatie);
  await refusePurgedPeriod(store, request.period);
  const pageSize = Math.min(request.pageSize, DDAS_MAX_SIGNALS_PER_FILE);
  const all: PagedMelding[] = [];
  const perTarget: DdasMeldingInput[][] = [];
  for (const [levering, target] of targets.entries()) {
    const meldingen = await store.ddasData(request.period, target.gemeenteId);
    perTarget.push(meldingen);
    for (const melding of meldingen) all.push({ ...melding, levering });
  }
  const pages = splitIntoParts(all, pageSize);
  const totalPages = Math.max(1, pages.length);
  if (request.page > totalPages) {
    throw new UsageError(`Pagina ${request.page} bestaat niet: deze periode heeft ${totalPages} ${totalPages === 1 ? 'pagina' : "pagina's"} bij pageSize ${pageSize}.`);
  }
  const onPage = pages[request.page - 1] ?? [];
  const leveringen = targets.map((target, index) =>
    ddasLevering(
      index + 1,
      target.code,
      setup.organisation,
      onPage.filter((m) => m.levering === index),
    ),
  );
  const gegevens = ddasDeliveryOf(leveringen, { period: request.period, supplierCode: setup.supplierCode, deliveredAt });
  refuseInvalidDelivery(ddasValidator(), gegevens, request.page, totalPages);
  return {
    gegevens,
    paginering: { pageSize, currentPage: request.page, totalPages, totalRecords: all.reduce((sum, m) => sum + m.signals.length, 0) },
    counts: {
      vroegsignalen: onPage.reduce((sum, m) => sum + m.signals.length, 0),
      vroegsignaalzaken: onPage.length,
      leveringen: leveringen.length,
    },
    ...(request.page === totalPages && {
      delivered: targets.map((target, index) => deliveryRecordOf(target.code, perTarget[index] ?? [], totalPages)),
    }),
  };
}
