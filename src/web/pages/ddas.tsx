import type { Hono } from 'hono';
import { DeliveryDetailError, deliveryDetails, recordDeliveries, type GivenDetails } from '../../app/ddas/delivery-details.js';
import { planDdasDelivery } from '../../app/ddas/export-delivery.js';
import { DataError } from '../../core/errors.js';
import { describeGemeente, isMultiGemeente, type Gemeente } from '../../core/gemeente.js';
import { ddasTimestamp } from '../../core/report/ddas.js';
import { savedDetail, type DdasDetailKey } from '../../core/report/ddas-settings.js';
import { describePeriod, halfYearOf, halfYearPeriod } from '../../core/report/period.js';
import { auditedStore, type Auth, type WebEnv, type WebOptions } from '../env.js';
import { SelectField } from '../fields.js';
import type { FieldErrors, FormValues } from '../followup-form.js';
import { CsrfField, Notice, Page } from '../layout.js';
import { coordinatorOnly } from '../session.js';

// DDAS-levering (coordinator): the national delivery of a half year, for one gemeente, as a
// download. The details come from `eropaf config set ddas.…` and may be overridden in the form,
// through the same app function as `eropaf export ddas`. A delivery of several parts (more
// vroegsignalen than one file may hold) is left to the command line, which writes the parts side
// by side; a browser download is one file.

/** Each detail's field: its label (also in messages about it) and the form's name for it. */
const DETAILS: ReadonlyArray<{ key: DdasDetailKey; label: string }> = [
  { key: 'ddas.organisatie', label: 'Aanleverende organisatie' },
  { key: 'ddas.kvk', label: 'KvK-nummer' },
  { key: 'ddas.contact-naam', label: 'Naam contactpersoon' },
  { key: 'ddas.contact-email', label: 'E-mailadres voor de terugmelding van het CBS' },
  { key: 'ddas.contact-telefoon', label: 'Telefoonnummer contactpersoon' },
  { key: 'ddas.functietitel', label: 'Functie contactpersoon' },
  { key: 'ddas.leverancier', label: 'Code gegevensleverancier' },
  { key: 'ddas.gemeentecode', label: 'CBS-gemeentecode' },
];
const LABEL = new Map(DETAILS.map((d) => [d.key, d.label]));
const fieldName = (key: DdasDetailKey): string => key.slice('ddas.'.length);

interface Choices {
  halfYears: string[];
  gemeenten: Gemeente[];
  saved: ReadonlyMap<string, string>;
}

async function choices(options: WebOptions): Promise<Choices> {
  const months = (await options.store.monthOverview()).map((m) => m.month);
  const halfYears = [...new Set(months.map(halfYearOf))].sort().reverse();
  return { halfYears, gemeenten: await options.store.gemeenten(), saved: await options.store.settings() };
}

/** The code is asked for only where a gemeente has none of its own (an older database). */
const asksForCode = (gemeenten: readonly Gemeente[]): boolean => gemeenten.length === 0 || gemeenten.some((g) => g.code === null);

function DetailField(props: { key_: DdasDetailKey; saved: ReadonlyMap<string, string>; value: string; error: string | undefined }) {
  const id = `ddas-${fieldName(props.key_)}`;
  const savedValue = savedDetail(props.saved, props.key_);
  const described = [`${id}-uitleg`, props.error === undefined ? null : `${id}-fout`].filter((x) => x !== null).join(' ');
  return (
    <p class="field">
      <label for={id}>{LABEL.get(props.key_)}</label>
      <span id={`${id}-uitleg`} class="hint">
        {savedValue === undefined ? 'Nog niet bewaard; vul het hier in, of bewaar het onder Beheer > Instellingen.' : `Leeg laten: de bewaarde waarde, ${savedValue}.`}
      </span>
      <input id={id} name={fieldName(props.key_)} type="text" value={props.value} aria-invalid={props.error === undefined ? undefined : 'true'} aria-describedby={described} />
      {props.error !== undefined && (
        <span id={`${id}-fout`} class="field-error">
          {props.error}
        </span>
      )}
    </p>
  );
}

function DdasPage(props: { auth: Auth; choices: Choices; values: FormValues; errors: FieldErrors }) {
  const { choices: known, values, errors } = props;
  const multi = isMultiGemeente(known.gemeenten);
  return (
    <Page title="DDAS-levering" auth={props.auth} current="/levering">
      {Object.keys(errors).length > 0 && <Notice kind="fout">Er is niets geleverd: verbeter de velden die hieronder gemarkeerd zijn.</Notice>}
      <p>
        De landelijke levering (DDAS, uitwisselmodel v1.2) van een half jaar, als bestand. Zij bevat volledige BSN’s: bewaar haar niet en verstuur haar alleen via de landelijke
        aanleverapplicatie.
      </p>
      {known.halfYears.length === 0 ? (
        <p>Er zijn nog geen lijsten ingelezen, dus nog niets te leveren.</p>
      ) : (
        <form method="post" action="/levering" novalidate>
          <CsrfField auth={props.auth} />
          <SelectField
            id="ddas-halfjaar"
            name="halfjaar"
            label="Half jaar"
            value={values.halfjaar ?? known.halfYears[0]!}
            error={errors.halfjaar}
            options={known.halfYears.map((h) => ({ value: h, label: describePeriod(halfYearPeriod(h)!) }))}
          />
          {multi && (
            <SelectField
              id="ddas-gemeente"
              name="gemeente"
              label="Gemeente"
              value={values.gemeente ?? ''}
              error={errors.gemeente}
              options={[{ value: '', label: 'kies…' }, ...known.gemeenten.map((g) => ({ value: String(g.id), label: describeGemeente(g) }))]}
            />
          )}
          <fieldset class="field">
            <legend>Gegevens van de levering</legend>
            {DETAILS.filter((d) => d.key !== 'ddas.gemeentecode' || asksForCode(known.gemeenten)).map((d) => (
              <DetailField key_={d.key} saved={known.saved} value={values[fieldName(d.key)] ?? ''} error={errors[fieldName(d.key)]} />
            ))}
          </fieldset>
          <button type="submit">Levering downloaden</button>
        </form>
      )}
    </Page>
  );
}

const MAX_DETAIL_LENGTH = 300;

function text(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.slice(0, MAX_DETAIL_LENGTH) : '';
}

/** The delivery's file name: its gemeente and half year, never personal data. */
function fileName(code: string, halfYear: string): string {
  return `levering-${code}-${halfYear.replace('-', '-H')}.json`;
}

export function registerDdas(app: Hono<WebEnv>, options: WebOptions): void {
  app.use('/levering', coordinatorOnly());

  app.get('/levering', async (c) => c.html(<DdasPage auth={c.get('auth')!} choices={await choices(options)} values={{}} errors={{}} />));

  app.post('/levering', async (c) => {
    const form = await c.req.parseBody();
    const known = await choices(options);
    const values: FormValues = Object.fromEntries(['halfjaar', 'gemeente', ...DETAILS.map((d) => fieldName(d.key))].map((name) => [name, text(form, name)]));
    const refuse = (errors: FieldErrors) => c.html(<DdasPage auth={c.get('auth')!} choices={known} values={values} errors={errors} />, 422);

    const halfYear = values.halfjaar!;
    const period = known.halfYears.includes(halfYear) ? halfYearPeriod(halfYear) : null;
    if (period === null) return refuse({ halfjaar: 'Kies een half jaar uit de lijst.' });
    // A delivery is per gemeente: the one chosen, or the database's only one (the whole database, as the command line does).
    let gemeente: Gemeente | undefined;
    if (isMultiGemeente(known.gemeenten)) {
      gemeente = known.gemeenten.find((g) => String(g.id) === values.gemeente);
      if (gemeente === undefined) return refuse({ gemeente: 'Kies de gemeente: elke gemeente krijgt haar eigen levering.' });
    }
    const own = gemeente === undefined ? (known.gemeenten[0]?.code ?? null) : gemeente.code;
    const given: GivenDetails = Object.fromEntries(
      DETAILS.filter((d) => values[fieldName(d.key)]!.trim() !== '' && (d.key !== 'ddas.gemeentecode' || own === null)).map((d) => [d.key, values[fieldName(d.key)]]),
    );
    const moment = options.clock();
    try {
      const details = deliveryDetails(known.saved, given, (key) => LABEL.get(key)!);
      const gemeentecode = details.gemeentecode(own);
      const plan = await planDdasDelivery(
        options.store,
        {
          period,
          gemeentecode,
          ...(gemeente !== undefined && { gemeenteId: gemeente.id }),
          organisation: details.organisation,
          supplierCode: details.supplierCode,
          deliveredAt: ddasTimestamp(moment),
        },
        ...(options.ddasMaxSignalsPerFile === undefined ? [] : [options.ddasMaxSignalsPerFile]),
      );
      if (plan.parts.length > 1) {
        const choose = gemeente === undefined ? '' : ` --gemeente ${gemeentecode}`;
        return refuse({
          halfjaar:
            `De levering heeft ${plan.details.vroegsignalen} vroegsignalen, meer dan in één bestand mag; ze komt in ${plan.parts.length} delen. ` +
            `Maak haar op de opdrachtregel, die de delen naast elkaar schrijft: eropaf export ddas --from ${period.from} --to ${period.to}${choose} --out levering.json`,
        });
      }
      // The contact details stay out of the audit trail, as on the command line.
      const store = auditedStore(c, options, 'export ddas', { van: period.from, tot: period.to, gemeentecode });
      await recordDeliveries(store, period, moment, [plan]);
      return c.body(plan.parts[0]!.json, 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName(gemeentecode, halfYear)}"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      if (error instanceof DeliveryDetailError) return refuse({ [fieldName(error.key)]: error.message });
      // No meldingen in the half year, or their personal data already purged.
      if (error instanceof DataError) return refuse({ halfjaar: error.message });
      throw error;
    }
  });
}
