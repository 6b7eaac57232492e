import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { EropafError } from '../../core/errors.js';
import { describeMonth, parseMonthOption } from '../../core/month.js';
import type { DecisionKind } from '../../core/triage/types.js';
import type { Month } from '../../core/types.js';
import { auditContextOf, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { InputField, SelectField } from '../fields.js';
import { todayOf } from '../format.js';
import type { Job } from '../jobs.js';
import { CsrfField, Notice, Page } from '../layout.js';
import { RefusedFile } from '../refusal.js';
import { coordinatorOnly } from '../session.js';
import type { TriageView } from '../triage-job.js';

// Triage (coordinator): choose a month and the capacity, see exactly the plan of `eropaf triage
// --dry-run` with every decision and its reason, then confirm. The confirmation carries the
// plan's fingerprint: if the plan has changed since the preview, nothing is stored and the new
// preview is shown. The preview and the run are jobs off the request path (jobs.ts, triage-job.ts);
// their page follows them until they are done.

const KIND_LABEL: Record<DecisionKind, string> = {
  altijd: 'altijd opvolgen',
  capaciteit: 'binnen capaciteit',
  'niet-opgepakt': 'niet opgepakt',
  uitgesteld: 'uitgesteld',
};

interface Choice {
  month: Month;
  /** Given by the coordinator; otherwise the sum over the active workers. */
  capacity: number | undefined;
}

function readChoice(values: Record<string, unknown>, months: readonly Month[]): Choice | { errors: Record<string, string> } {
  const text = (name: string): string => (typeof values[name] === 'string' ? (values[name] as string).trim() : '');
  const errors: Record<string, string> = {};
  let month = months[0];
  if (text('maand') !== '') {
    const parsed = parseMonthOption(text('maand'));
    if (!parsed.ok || !months.includes(parsed.value)) errors.maand = 'Kies een ingelezen maand.';
    else month = parsed.value;
  }
  let capacity: number | undefined;
  if (text('capaciteit') !== '') {
    if (!/^\d{1,6}$/.test(text('capaciteit'))) errors.capaciteit = 'Geef de capaciteit als heel getal van 0 of meer.';
    else capacity = Number(text('capaciteit'));
  }
  if (Object.keys(errors).length > 0 || month === undefined) return { errors };
  return { month, capacity };
}

async function importedMonthsNewestFirst(options: WebOptions): Promise<Month[]> {
  return [...(await options.store.importedMonths())].sort().reverse();
}

function ChoiceForm(props: { months: readonly Month[]; month: string; capacity: string; errors: Record<string, string> }) {
  return (
    <form method="get" action="/triage" class="filters" aria-label="Welke maand">
      <SelectField id="maand" name="maand" label="Maand" value={props.month} error={props.errors.maand} options={props.months.map((m) => ({ value: m, label: `${describeMonth(m)} (${m})` }))} />
      <InputField id="capaciteit" name="capaciteit" label="Capaciteit (leeg: som van de actieve medewerkers)" type="number" value={props.capacity} error={props.errors.capaciteit} />
      <button type="submit">Voorbeeld tonen</button>
    </form>
  );
}

function Figures(props: { view: TriageView }) {
  const { view } = props;
  const { figures, workers } = view;
  const perWorker = new Map(view.perWorker);
  return (
    <dl class="facts">
      <dt>Meldingen</dt>
      <dd>{view.decisions.length}</dd>
      <dt>Capaciteit</dt>
      <dd>{`${figures.capacity} (${view.capacityOverridden ? 'opgegeven' : `som van ${workers.filter((w) => w.active).length} actieve medewerker(s)`})`}</dd>
      <dt>Altijd opvolgen</dt>
      <dd>{figures.alwaysCount}</dd>
      <dt>Binnen capaciteit</dt>
      <dd>{figures.pickedByCapacity}</dd>
      <dt>Niet opgepakt</dt>
      <dd>{figures.notPickedUp}</dd>
      <dt>Uitgesteld</dt>
      <dd>{figures.deferred}</dd>
      <dt>Afgesloten van vorige maand</dt>
      <dd>{view.closures}</dd>
      <dt>Per medewerker</dt>
      <dd>{workers.filter((w) => w.active || perWorker.has(w.id)).map((w) => `${w.name} ${perWorker.get(w.id) ?? 0} (capaciteit ${w.capacity})`).join(', ') || '—'}</dd>
    </dl>
  );
}

function Preview(props: { view: TriageView; capacity: number | undefined; c: WebContext }) {
  const { view } = props;
  const { figures } = view;
  const names = new Map(view.workers.map((w) => [w.id, w.name]));
  const auth = props.c.get('auth')!;
  return (
    <section aria-labelledby="voorbeeld">
      <h2 id="voorbeeld">{`Voorbeeld: triage van ${describeMonth(view.month)} (${view.month})`}</h2>
      {view.rerun && <Notice kind="let-op">Deze maand is al getrieerd; toewijzingen en vastgelegde opvolging blijven staan.</Notice>}
      {view.previousMonthUntriaged !== null && (
        <Notice kind="let-op">{`${describeMonth(view.previousMonthUntriaged)} is ingelezen maar nooit getrieerd; wie toen op de lijst stond en nu terugkomt, telt als "vorige maand niet opgevolgd". Trieer eerst die maand als dat niet de bedoeling is.`}</Notice>
      )}
      {figures.overCapacityBy > 0 && <Notice kind="let-op">{`Dit gaat ${figures.overCapacityBy} over de capaciteit van ${figures.capacity}: wat altijd opgevolgd moet worden, wordt toch helemaal toegewezen.`}</Notice>}
      {figures.unassigned > 0 && <Notice kind="let-op">{`${figures.unassigned} meldingen krijgen geen medewerker, want er is geen actieve medewerker.`}</Notice>}
      <Figures view={view} />
      <form method="post" action="/triage">
        <CsrfField auth={auth} />
        <input type="hidden" name="maand" value={view.month} />
        <input type="hidden" name="capaciteit" value={props.capacity === undefined ? '' : String(props.capacity)} />
        <input type="hidden" name="plan" value={view.fingerprint} />
        <button type="submit">Triëren</button>
      </form>
      <table>
        <caption>Elk besluit met zijn reden</caption>
        <thead>
          <tr>
            <th scope="col">Melding</th>
            <th scope="col">Besluit</th>
            <th scope="col">Medewerker</th>
            <th scope="col">Reden</th>
          </tr>
        </thead>
        <tbody>
          {view.decisions.map((d) => (
            <tr>
              <td>
                <a href={`/melding/${d.ref}`}>{d.ref}</a>
              </td>
              <td>{KIND_LABEL[d.kind]}</td>
              <td>{d.workerId === null ? '' : (names.get(d.workerId) ?? '')}</td>
              <td>{d.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Seconds between the reloads of a job's page while it runs. */
const REFRESH_SECONDS = 1;

function Progress(props: { job: Job<'triage'> }) {
  const { job } = props;
  const confirming = job.spec.previewed !== undefined;
  return (
    <>
      <h2>{`${confirming ? 'Triage' : 'Voorbeeld van de triage'} van ${describeMonth(job.spec.month)} wordt ${confirming ? 'opgeslagen' : 'gemaakt'}`}</h2>
      <p role="status">{job.done === 0 ? 'De meldingen worden gelezen…' : `Meldingen gelezen: ${job.done}.`}</p>
      <p>Deze pagina ververst zichzelf. U kunt intussen ook andere pagina's openen; de triage gaat door.</p>
    </>
  );
}

export function registerTriage(app: Hono<WebEnv>, options: WebOptions): void {
  const page = (c: WebContext, body: Child, status: 200 | 400 | 404 | 422 | 500 = 200, refreshSeconds?: number) =>
    c.html(
      <Page title="Triage" auth={c.get('auth')!} current="/triage" {...(refreshSeconds !== undefined && { refreshSeconds })}>
        {body}
      </Page>,
      status,
    );
  const background = (): NonNullable<WebOptions['background']> => {
    if (options.background === undefined) throw new Error('the web app was started without its job runner');
    return options.background;
  };
  const choiceForm = (months: readonly Month[], choice: Choice) => (
    <ChoiceForm months={months} month={choice.month} capacity={choice.capacity === undefined ? '' : String(choice.capacity)} errors={{}} />
  );

  /**
   * Reads the month and capacity and starts the job: the preview, or (given the previewed plan's
   * fingerprint) the run that stores that plan. Refused choices show at their fields.
   */
  const start = async (c: WebContext, values: Record<string, unknown>, previewed?: string) => {
    const months = await importedMonthsNewestFirst(options);
    if (months.length === 0) return page(c, <p>Er is nog geen maandlijst ingelezen. Lees een lijst in met: eropaf import BESTAND</p>);
    const choice = readChoice(values, months);
    if ('errors' in choice) {
      const month = typeof values.maand === 'string' ? values.maand : (months[0] ?? '');
      const capacity = typeof values.capaciteit === 'string' ? values.capaciteit : '';
      return page(c, <ChoiceForm months={months} month={month} capacity={capacity} errors={choice.errors} />, 400);
    }
    const { jobs, database, busyTimeoutMs } = background();
    const details = { maand: choice.month, ...(choice.capacity !== undefined && { capaciteit: choice.capacity }) };
    const job = jobs.start(
      {
        kind: 'triage',
        database,
        busyTimeoutMs,
        month: choice.month,
        ...(choice.capacity !== undefined && { capacity: choice.capacity }),
        today: todayOf(options.clock),
        now: options.clock().toISOString(),
        audit: auditContextOf(c, options, 'triage', details),
        ...(previewed !== undefined && { previewed }),
      },
      {},
      c.get('auth')!.session.idHash,
    );
    return c.redirect(`/triage/taak/${job.id}`, 303);
  };

  // Opening the page only offers the choice: a preview reads the whole month, so it starts when
  // the form is sent (the menu link, or a reload, starts no job).
  app.get('/triage', coordinatorOnly(), async (c) => {
    const query = c.req.query();
    if (query.maand !== undefined) return start(c, query);
    const months = await importedMonthsNewestFirst(options);
    if (months.length === 0) return page(c, <p>Er is nog geen maandlijst ingelezen. Lees een lijst in met: eropaf import BESTAND</p>);
    return page(c, <ChoiceForm months={months} month={months[0]!} capacity="" errors={{}} />);
  });

  // A form without a plan (hand-made) confirms nothing: no fingerprint matches the empty one.
  app.post('/triage', coordinatorOnly(), async (c) => {
    const form = await c.req.parseBody();
    return start(c, form, typeof form.plan === 'string' ? form.plan : '');
  });

  app.get('/triage/taak/:id', coordinatorOnly(), async (c) => {
    const months = await importedMonthsNewestFirst(options);
    const job = background().jobs.find('triage', c.req.param('id'), c.get('auth')!.session.idHash);
    if (job === undefined) {
      return page(c, <><Notice kind="fout">Deze taak bestaat niet (meer): na een half uur wordt hij vergeten. Kies de maand opnieuw.</Notice><ChoiceForm months={months} month={months[0] ?? ''} capacity="" errors={{}} /></>, 404);
    }
    if (job.state === 'bezig') return page(c, <Progress job={job} />, 200, REFRESH_SECONDS);
    const choice: Choice = { month: job.spec.month, capacity: job.spec.capacity };
    const { outcome, error } = job;
    if (error !== null) {
      if (error instanceof EropafError) return page(c, <><RefusedFile error={error} /><p>Er is niets opgeslagen.</p>{choiceForm(months, choice)}</>, 422);
      options.reportFault?.(`fout in eropaf bij de triage (${error.name}) om ${options.clock().toISOString()}`);
      return page(c, <><Notice kind="fout">Er ging iets mis in eropaf zelf; er is niets opgeslagen. Meld dit bij de beheerder, met het tijdstip.</Notice>{choiceForm(months, choice)}</>, 500);
    }
    const { view, applied, changed } = outcome!;
    if (applied) {
      return page(
        c,
        <>
          <Notice kind="ok">
            {`${describeMonth(view.month)} is getrieerd. `}
            <a href={`/werklijst?maand=${view.month}&medewerker=alle`}>Naar de werklijst</a>
          </Notice>
          <Figures view={view} />
          {choiceForm(months, choice)}
        </>,
      );
    }
    return page(
      c,
      <>
        {changed && <Notice kind="let-op">De gegevens zijn veranderd sinds het voorbeeld; er is niets opgeslagen. Bekijk het nieuwe voorbeeld en bevestig opnieuw.</Notice>}
        {choiceForm(months, choice)}
        <Preview view={view} capacity={choice.capacity} c={c} />
      </>,
    );
  });
}
