import type { Hono } from 'hono';
import { recordFollowUp } from '../../app/record-followup.js';
import { formatCents } from '../../core/fields/amount.js';
import { CONTACTSOORTEN, EINDRESULTATEN, REFERRAL_TARGETS } from '../../core/followup.js';
import { describeMonth, parseMonthOption } from '../../core/month.js';
import type { Month } from '../../core/types.js';
import { readWorklist } from '../../app/worklist.js';
import { describeProposal, formatAddress, WORKLIST_COLUMNS, worklistCells, type WorklistLine } from '../../core/worklist.js';
import { formatExcelCsv } from '../../csv/excel-csv.js';
import type { AccountRecord, WorkerRecord } from '../../store/store.js';
import { auditedStore, type Auth, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { InputField, RadioField, SelectField, TextAreaField } from '../fields.js';
import { MonthSelect, readWorkerFilter, triagedMonths, workerParam, WorkerSelect } from '../filters.js';
import {
  ATTEMPT_FIELDS,
  formValues,
  meldingRef,
  parseFollowUpForm,
  RESULT_FIELDS,
  type FieldErrors,
  type FormValues,
} from '../followup-form.js';
import { timeOf, todayOf } from '../format.js';
import { CsrfField, Notice, Page } from '../layout.js';
import { badRequest } from '../refusal.js';

// The forms are checked on the server only (novalidate), so every error reads the same, in
// Dutch, next to its field.
//
// Werklijst: the meldingen still to follow up, per worker (mine by default) and month, each with
// what a worker needs on the phone, and two forms that record an attempt and a result through
// the same use case as `eropaf contact` and `eropaf close`.

const STATES = [
  { value: 'alle', label: 'alle zonder resultaat' },
  { value: 'open', label: 'nog geen poging' },
  { value: 'bezig', label: 'al een poging, nog geen resultaat' },
  { value: 'te-laat', label: 'eerste contact te laat (termijn verlopen)' },
] as const;
type State = (typeof STATES)[number]['value'];

interface Filters {
  /** null: every month, as `eropaf worklist` without --month (all open work, oldest first). */
  month: Month | null;
  /** A worker's id, or null for the whole team. */
  workerId: number | null;
  state: State;
}

interface FormProblem {
  ref: string;
  form: 'poging' | 'resultaat';
  errors: FieldErrors;
  values: FormValues;
}

function readFilters(query: Record<string, string>, account: AccountRecord): Filters | string {
  let month: Month | null = null;
  if (query.maand !== undefined && query.maand !== '' && query.maand !== 'alle') {
    const parsed = parseMonthOption(query.maand);
    if (!parsed.ok) return 'De maand in het adres is geen maand (JJJJ-MM).';
    month = parsed.value;
  }
  const workerId = readWorkerFilter(query.medewerker, account);
  if (workerId === undefined) return 'De medewerker in het adres bestaat niet.';
  const state = (STATES.find((s) => s.value === query.staat)?.value ?? 'alle') as State;
  return { month, workerId, state };
}

function filterQuery(filters: Filters): string {
  const params = new URLSearchParams();
  params.set('maand', filters.month ?? 'alle');
  params.set('medewerker', workerParam(filters.workerId));
  params.set('staat', filters.state);
  return params.toString();
}

const STATE_TEST: Record<State, (entry: WorklistLine) => boolean> = {
  alle: () => true,
  open: (entry) => entry.attempts.length === 0,
  bezig: (entry) => entry.attempts.length > 0,
  'te-laat': (entry) => entry.pastTerm,
};
const ofState = (entry: WorklistLine, state: State): boolean => STATE_TEST[state](entry);

async function renderWorklist(c: WebContext, options: WebOptions, filters: Filters, problem: FormProblem | null, status: 200 | 422) {
  const auth = c.get('auth')!;
  const triaged = await triagedMonths(options);
  const workers = await options.store.workers();
  const listed = filters.month === null || triaged.includes(filters.month);
  const today = todayOf(options.clock);
  const entries = listed ? (await readWorklist(options.store, { month: filters.month, workerId: filters.workerId }, today)).filter((e) => ofState(e, filters.state)) : [];
  const where = filters.month === null ? 'alle maanden' : describeMonth(filters.month);
  const saved = c.req.query('vastgelegd');
  const workerName = workers.find((w) => w.id === filters.workerId)?.name;
  return c.html(
    <Page title="Werklijst" auth={auth} current="/werklijst">
      {saved !== undefined && /^\d{4}-\d{2}-\d{3,}$/.test(saved) && <Notice kind="ok">{`Vastgelegd bij melding ${saved}.`}</Notice>}
      {problem !== null && <Notice kind="fout">{`Er is niets vastgelegd bij melding ${problem.ref}: verbeter de velden die hieronder gemarkeerd zijn.`}</Notice>}
      <FilterForm filters={filters} triaged={triaged} workers={workers} />
      {triaged.length === 0 ? (
        <p>Er is nog geen getrieerde maand, dus nog geen werklijst.</p>
      ) : !listed ? (
        <p>{`${filters.month} is (nog) niet getrieerd; kies een andere maand.`}</p>
      ) : entries.length === 0 ? (
        <p>{`Geen meldingen zonder resultaat in ${where}${workerName === undefined ? '' : ` bij ${workerName}`}.`}</p>
      ) : (
        <>
          <p class="count">
            {`${entries.length} ${entries.length === 1 ? 'melding' : 'meldingen'} in ${where}${workerName === undefined ? ' (heel het team)' : ` bij ${workerName}`}. `}
            <a href={`/werklijst.csv?${filterQuery(filters)}`} class="downloads">Download voor Excel (CSV)</a>
            {' · '}
            <a href="/uitkomsten" class="downloads">Ingevulde werklijst teruglezen</a>
          </p>
          {entries.map((entry) => (
            <Entry entry={entry} auth={auth} filters={filters} problem={problem?.ref === entry.ref ? problem : null} options={options} />
          ))}
        </>
      )}
    </Page>,
    status,
  );
}

function FilterForm(props: { filters: Filters; triaged: readonly Month[]; workers: readonly WorkerRecord[] }) {
  const { filters } = props;
  return (
    <form method="get" action="/werklijst" class="filters" aria-label="Welke meldingen">
      <MonthSelect value={filters.month} triaged={props.triaged} allMonths />
      <WorkerSelect workerId={filters.workerId} workers={props.workers} />
      <SelectField id="filter-staat" name="staat" label="Stand" value={filters.state} options={STATES} />
      <button type="submit">Toon</button>
    </form>
  );
}

function Entry(props: { entry: WorklistLine; auth: Auth; filters: Filters; problem: FormProblem | null; options: WebOptions }) {
  const { entry, filters, problem } = props;
  const cells = worklistCells(entry);
  const id = `m-${entry.ref}`;
  const attempt = problem?.form === 'poging' ? problem : null;
  const result = problem?.form === 'resultaat' ? problem : null;
  const today = todayOf(props.options.clock);
  const attemptValues = attempt?.values ?? { soort: '', datum: today, tijd: timeOf(props.options.clock), bereikt: '', kaartje: '', notitie: '' };
  const resultValues = result?.values ?? { resultaat: '', verwezen: '', datum: today };
  return (
    <article id={id} class="melding" aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>
        <a href={`/melding/${entry.ref}`}>{`Melding ${entry.ref}`}</a>
      </h2>
      <dl class="facts">
        <dt>Medewerker</dt>
        <dd>{cells.medewerker}</dd>
        <dt>Reden</dt>
        <dd>{entry.reason}</dd>
        <dt>Soort</dt>
        <dd>{`${entry.category}${entry.opeenvolgend ? ', opeenvolgend' : ''}`}</dd>
        <dt>Pogingen</dt>
        <dd>{entry.attempts.length}</dd>
        {cells.termijn !== '' && (
          <>
            <dt>Eerste contact</dt>
            <dd class={entry.pastTerm ? 'past-term' : undefined}>{cells.termijn}</dd>
          </>
        )}
        {entry.proposal !== null && (
          <>
            <dt>Voorstel</dt>
            <dd>{describeProposal(entry.proposal)}</dd>
          </>
        )}
      </dl>
      <table class="signals">
        <caption>Organisaties en bedragen</caption>
        <thead>
          <tr>
            <th scope="col">Organisatie</th>
            <th scope="col">Soort</th>
            <th scope="col" class="num">Bedrag</th>
          </tr>
        </thead>
        <tbody>
          {entry.signals.map((s) => (
            <tr>
              <td>{s.schuldeiser ?? s.signaalpartner}</td>
              <td>{s.signaalpartner}</td>
              <td class="num">{formatCents(s.bedragCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan={2}>
              Totaal
            </th>
            <td class="num">{formatCents(entry.totalCents)}</td>
          </tr>
        </tfoot>
      </table>
      <dl class="contact">
        <dt>Naam</dt>
        <dd>{cells.naam || '(onbekend)'}</dd>
        <dt>Adres</dt>
        <dd>{formatAddress(entry.person)}</dd>
        <dt>Telefoon</dt>
        <dd>{cells.telefoon || '(onbekend)'}</dd>
        <dt>E-mail</dt>
        <dd>{cells.email || '(onbekend)'}</dd>
        <dt>BSN</dt>
        <dd>{cells.bsn || '(onbekend)'}</dd>
      </dl>
      <div class="forms">
        <form method="post" action="/werklijst/poging" novalidate aria-labelledby={`${id}-poging`}>
          <h3 id={`${id}-poging`}>Contactpoging vastleggen</h3>
          <Hidden auth={props.auth} filters={filters} ref_={entry.ref} />
          <SelectField
            id={`${id}-soort`}
            name="soort"
            label="Soort contact"
            required
            value={attemptValues.soort ?? ''}
            error={attempt?.errors.soort}
            options={[{ value: '', label: 'kies…' }, ...CONTACTSOORTEN.map((s) => ({ value: s.code, label: s.value }))]}
          />
          <InputField id={`${id}-datum`} name="datum" label="Datum" type="date" required max={today} value={attemptValues.datum ?? ''} error={attempt?.errors.datum} />
          <InputField id={`${id}-tijd`} name="tijd" label="Tijd" type="time" value={attemptValues.tijd ?? ''} error={attempt?.errors.tijd} />
          <RadioField
            id={`${id}-bereikt`}
            name="bereikt"
            legend="Bereikt?"
            value={attemptValues.bereikt ?? ''}
            error={attempt?.errors.bereikt}
            options={[
              { value: 'ja', label: 'ja' },
              { value: 'nee', label: 'nee' },
            ]}
          />
          <p class="field">
            <label class="choice">
              <input type="checkbox" name="kaartje" value="ja" checked={attemptValues.kaartje === 'ja'} />
              Kaartje achtergelaten (telt ook als poging "Kaartje")
            </label>
          </p>
          <TextAreaField
            id={`${id}-notitie`}
            name="notitie"
            label="Notitie"
            hint="Kort en zakelijk: de notitie hoort bij de persoonsgegevens."
            value={attemptValues.notitie ?? ''}
            error={attempt?.errors.notitie}
          />
          <button type="submit">Poging vastleggen</button>
        </form>
        <form method="post" action="/werklijst/resultaat" novalidate aria-labelledby={`${id}-resultaat`}>
          <h3 id={`${id}-resultaat`}>Resultaat vastleggen</h3>
          <Hidden auth={props.auth} filters={filters} ref_={entry.ref} />
          <SelectField
            id={`${id}-res`}
            name="resultaat"
            label="Resultaat"
            required
            value={resultValues.resultaat ?? ''}
            error={result?.errors.resultaat}
            options={[{ value: '', label: 'kies…' }, ...EINDRESULTATEN.map((r) => ({ value: r.code, label: r.value }))]}
          />
          <SelectField
            id={`${id}-verwezen`}
            name="verwezen"
            label="Verwezen naar"
            value={resultValues.verwezen ?? ''}
            error={result?.errors.verwezen}
            options={[{ value: '', label: 'geen' }, ...REFERRAL_TARGETS.map((r) => ({ value: r.code, label: r.description }))]}
          />
          <InputField id={`${id}-afgesloten`} name="datum" label="Datum afsluiten" type="date" required max={today} value={resultValues.datum ?? ''} error={result?.errors.datum} />
          <button type="submit">Resultaat vastleggen</button>
        </form>
      </div>
    </article>
  );
}

function Hidden(props: { auth: Auth; filters: Filters; ref_: string }) {
  return (
    <>
      <CsrfField auth={props.auth} />
      <input type="hidden" name="melding" value={props.ref_} />
      <input type="hidden" name="terug" value={filterQuery(props.filters)} />
    </>
  );
}

/** The filters a form came from, so that the page after it shows the same list. */
function filtersOfForm(form: Record<string, unknown>, account: AccountRecord): Filters {
  const back = typeof form.terug === 'string' ? Object.fromEntries(new URLSearchParams(form.terug)) : {};
  const filters = readFilters(back, account);
  return typeof filters === 'string' ? { month: null, workerId: account.workerId, state: 'alle' } : filters;
}

export function registerWorklist(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/werklijst', async (c) => {
    const auth = c.get('auth')!;
    const filters = readFilters(c.req.query(), auth.account);
    if (typeof filters === 'string') {
      return c.html(
        <Page title="Werklijst" auth={auth} current="/werklijst">
          <Notice kind="fout">{filters}</Notice>
          <p>
            <a href="/werklijst">Naar mijn werklijst</a>
          </p>
        </Page>,
        400,
      );
    }
    return renderWorklist(c, options, filters, null, 200);
  });

  // The worklist for Excel, as `eropaf worklist --format csv` writes it (with the stand filter).
  app.get('/werklijst.csv', async (c) => {
    const auth = c.get('auth')!;
    const triaged = await triagedMonths(options);
    const filters = readFilters(c.req.query(), auth.account);
    if (typeof filters === 'string' || (filters.month !== null && !triaged.includes(filters.month))) return c.notFound();
    const entries = (await readWorklist(options.store, { month: filters.month, workerId: filters.workerId }, todayOf(options.clock))).filter((e) => ofState(e, filters.state));
    const header = [...WORKLIST_COLUMNS];
    const csv = formatExcelCsv(header, entries.map((entry) => header.map((column) => worklistCells(entry)[column])), { delimiter: ';', bom: true });
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="werklijst-${filters.month ?? 'alle-maanden'}.csv"` });
  });

  for (const kind of ['poging', 'resultaat'] as const) {
    app.post(`/werklijst/${kind}`, async (c) => {
      const auth = c.get('auth')!;
      const form = await c.req.parseBody();
      const ref = meldingRef(form);
      if (ref === null) return badRequest(c, 'Dit formulier noemt geen meldingnummer; er is niets vastgelegd.');
      const filters = filtersOfForm(form, auth.account);
      const today = todayOf(options.clock);
      const parsed = parseFollowUpForm(kind, ref, form, today);
      if (!parsed.ok) {
        const values = formValues(form, kind === 'poging' ? ATTEMPT_FIELDS : RESULT_FIELDS);
        return renderWorklist(c, options, filters, { ref, form: kind, errors: parsed.errors, values }, 422);
      }
      const store = auditedStore(c, options, kind === 'poging' ? 'contact' : 'close', { melding: ref });
      await recordFollowUp(store, [{ entry: parsed.value, source: null }], { dryRun: false, now: () => options.clock().toISOString(), today });
      return c.redirect(`/werklijst?${filterQuery(filters)}&vastgelegd=${ref}#m-${ref}`, 303);
    });
  }
}
