import type { Hono } from 'hono';
import { triageMonth, type TriageOutcome } from '../../app/triage-month.js';
import { triageFingerprint } from '../../app/triage-preview.js';
import { describeMonth, parseMonthOption } from '../../core/month.js';
import type { DecisionKind } from '../../core/triage/types.js';
import type { Month } from '../../core/types.js';
import { auditedStore, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { InputField, SelectField } from '../fields.js';
import { todayOf } from '../format.js';
import { CsrfField, Notice, Page } from '../layout.js';
import { coordinatorOnly } from '../session.js';

// Triage (coordinator): choose a month and the capacity, see exactly the plan of `eropaf triage
// --dry-run` with every decision and its reason, then confirm. The confirmation carries the
// plan's fingerprint: if the plan has changed since the preview, nothing is stored and the new
// preview is shown.

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

function Preview(props: { outcome: TriageOutcome; choice: Choice; c: WebContext }) {
  const { outcome, choice } = props;
  const { plan, run, workers } = outcome;
  const { figures } = plan;
  const names = new Map(workers.map((w) => [w.id, w.name]));
  const perWorker = new Map<number, number>();
  for (const d of plan.decisions.outline()) if (d.workerId !== null) perWorker.set(d.workerId, (perWorker.get(d.workerId) ?? 0) + 1);
  const auth = props.c.get('auth')!;
  return (
    <section aria-labelledby="voorbeeld">
      <h2 id="voorbeeld">{`Voorbeeld: triage van ${describeMonth(plan.month)} (${plan.month})`}</h2>
      {outcome.rerun && <Notice kind="let-op">Deze maand is al getrieerd; toewijzingen en vastgelegde opvolging blijven staan.</Notice>}
      {outcome.previousMonthUntriaged !== null && (
        <Notice kind="let-op">{`${describeMonth(outcome.previousMonthUntriaged)} is ingelezen maar nooit getrieerd; wie toen op de lijst stond en nu terugkomt, telt als "vorige maand niet opgevolgd". Trieer eerst die maand als dat niet de bedoeling is.`}</Notice>
      )}
      {figures.overCapacityBy > 0 && <Notice kind="let-op">{`Dit gaat ${figures.overCapacityBy} over de capaciteit van ${figures.capacity}: wat altijd opgevolgd moet worden, wordt toch helemaal toegewezen.`}</Notice>}
      {figures.unassigned > 0 && <Notice kind="let-op">{`${figures.unassigned} meldingen krijgen geen medewerker, want er is geen actieve medewerker.`}</Notice>}
      <dl class="facts">
        <dt>Meldingen</dt>
        <dd>{plan.decisions.length}</dd>
        <dt>Capaciteit</dt>
        <dd>{`${figures.capacity} (${run.capacityOverridden ? 'opgegeven' : `som van ${workers.filter((w) => w.active).length} actieve medewerker(s)`})`}</dd>
        <dt>Altijd opvolgen</dt>
        <dd>{figures.alwaysCount}</dd>
        <dt>Binnen capaciteit</dt>
        <dd>{figures.pickedByCapacity}</dd>
        <dt>Niet opgepakt</dt>
        <dd>{figures.notPickedUp}</dd>
        <dt>Uitgesteld</dt>
        <dd>{figures.deferred}</dd>
        <dt>Afgesloten van vorige maand</dt>
        <dd>{plan.closures.length}</dd>
        <dt>Per medewerker</dt>
        <dd>{workers.filter((w) => w.active || perWorker.has(w.id)).map((w) => `${w.name} ${perWorker.get(w.id) ?? 0} (capaciteit ${w.capacity})`).join(', ') || '—'}</dd>
      </dl>
      <form method="post" action="/triage">
        <CsrfField auth={auth} />
        <input type="hidden" name="maand" value={plan.month} />
        <input type="hidden" name="capaciteit" value={choice.capacity === undefined ? '' : String(choice.capacity)} />
        <input type="hidden" name="plan" value={triageFingerprint(outcome)} />
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
          {Array.from(plan.decisions, (d) => (
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

async function render(c: WebContext, options: WebOptions, values: Record<string, unknown>, notice: string | null) {
  const auth = c.get('auth')!;
  const months = await importedMonthsNewestFirst(options);
  if (months.length === 0) {
    return c.html(
      <Page title="Triage" auth={auth} current="/triage">
        <p>Er is nog geen maandlijst ingelezen. Lees een lijst in met: eropaf import BESTAND</p>
      </Page>,
    );
  }
  const choice = readChoice(values, months);
  const month = typeof values.maand === 'string' ? values.maand : (months[0] ?? '');
  const capacity = typeof values.capaciteit === 'string' ? values.capaciteit : '';
  if ('errors' in choice) {
    return c.html(
      <Page title="Triage" auth={auth} current="/triage">
        <ChoiceForm months={months} month={month} capacity={capacity} errors={choice.errors} />
      </Page>,
      400,
    );
  }
  const outcome = await triageMonth(options.store, { month: choice.month, ...(choice.capacity !== undefined && { capacity: choice.capacity }), dryRun: true, today: todayOf(options.clock), now: () => options.clock().toISOString() });
  const done = c.req.query('getrieerd') === '1';
  return c.html(
    <Page title="Triage" auth={auth} current="/triage">
      {notice !== null && <Notice kind="let-op">{notice}</Notice>}
      {done && (
        <Notice kind="ok">
          {`${describeMonth(choice.month)} is getrieerd. `}
          <a href={`/werklijst?maand=${choice.month}&medewerker=alle`}>Naar de werklijst</a>
        </Notice>
      )}
      <ChoiceForm months={months} month={choice.month} capacity={choice.capacity === undefined ? '' : String(choice.capacity)} errors={{}} />
      <Preview outcome={outcome} choice={choice} c={c} />
    </Page>,
  );
}

export function registerTriage(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/triage', coordinatorOnly(), (c) => render(c, options, c.req.query(), null));

  app.post('/triage', coordinatorOnly(), async (c) => {
    const form = await c.req.parseBody();
    const months = await importedMonthsNewestFirst(options);
    const choice = readChoice(form, months);
    if ('errors' in choice) return render(c, options, form, null);
    const common = { month: choice.month, ...(choice.capacity !== undefined && { capacity: choice.capacity }), today: todayOf(options.clock), now: () => options.clock().toISOString() };
    // Requests are handled one at a time, so nothing of this app changes the data between this
    // check and the run; the command line could, and then the run below plans afresh (as
    // `eropaf triage` would) in its own transaction.
    const preview = await triageMonth(options.store, { ...common, dryRun: true });
    if (triageFingerprint(preview) !== form.plan) {
      return render(c, options, form, 'De gegevens zijn veranderd sinds het voorbeeld; er is niets opgeslagen. Bekijk het nieuwe voorbeeld en bevestig opnieuw.');
    }
    const details = { maand: choice.month, ...(choice.capacity !== undefined && { capaciteit: choice.capacity }) };
    await triageMonth(auditedStore(c, options, 'triage', details), { ...common, dryRun: false });
    const query = new URLSearchParams({ maand: choice.month, getrieerd: '1' });
    if (choice.capacity !== undefined) query.set('capaciteit', String(choice.capacity));
    return c.redirect(`/triage?${query}`, 303);
  });
}
