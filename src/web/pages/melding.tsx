import type { Hono } from 'hono';
import { listAttempts } from '../../app/correct-followup.js';
import { openMelding } from '../../app/melding.js';
import { DELETE_REASONS } from '../../core/attempts.js';
import { formatCents } from '../../core/fields/amount.js';
import type { StoredContact } from '../../core/followup-plan.js';
import { EINDRESULTATEN, REFERRAL_TARGETS, type Eindresultaat } from '../../core/followup.js';
import { isPickedUp } from '../../core/followup-rules.js';
import { describeMonth } from '../../core/month.js';
import type { MeldingDetail, WorkerRecord } from '../../store/store.js';
import { auditedStore, type Auth, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { InputField, RadioField, SelectField, TextAreaField } from '../fields.js';
import type { FieldErrors, FormValues } from '../followup-form.js';
import { localDateTime } from '../../terminal/dates.js';
import { dutchDate, todayOf } from '../format.js';
import { CsrfField, Notice, Page } from '../layout.js';

// Melding: everything about one melding, for when a resident calls back: its signals, the
// triage decision and why, attempts and result, and the household's earlier meldingen; and
// every correction the command line offers (melding-corrections.tsx does them).

const DECISIONS: Record<string, string> = {
  altijd: 'altijd opgepakt',
  capaciteit: 'opgepakt binnen de capaciteit',
  'niet-opgepakt': 'niet opgepakt',
  uitgesteld: 'uitgesteld (capaciteit)',
};

/** What a correction did, shown after its redirect: a fixed word in the address, never data. */
export const DONE = {
  gecorrigeerd: 'De poging is gecorrigeerd.',
  verwijderd: 'De poging is verwijderd.',
  resultaat: 'Het resultaat is vastgelegd.',
  heropend: 'De melding is heropend; de pogingen blijven staan.',
  opgepakt: 'De melding is opgepakt.',
  overgedragen: 'De melding is overgedragen.',
} as const;
export type Done = keyof typeof DONE;

/** A refused correction: which form, each field's error, and what was typed. */
export interface MeldingProblem {
  form: string;
  errors: FieldErrors;
  values: FormValues;
}

/** The melding page, with a refused form's errors next to its fields (422), or as it is. */
export async function renderMelding(c: WebContext, options: WebOptions, ref: string, problem: MeldingProblem | null) {
  const auth = c.get('auth')!;
  const opened = await openMelding(auditedStore(c, options, 'melding bekijken', { melding: ref }), ref);
  if (opened === undefined) return c.notFound();
  const { melding, changes } = opened;
  const { attempts } = await listAttempts(options.store, melding.ref);
  const workers = (await options.store.workers()).filter((w) => w.active);
  const done = c.req.query('gedaan');
  const resultaat = (melding.result?.resultaat ?? null) as Eindresultaat | null;
  const pickedUp = melding.decision !== null && isPickedUp({ decision: melding.decision.kind, resultaat });
  const forms: FormsProps = { auth, melding, problem, today: todayOf(options.clock) };
  const refused = (form: string): boolean => problem?.form === form;
  // A refused form of an attempt that is no longer there: its error has no field to stand by.
  const attemptGone = problem !== null && problem.form.startsWith('poging-') && !attempts.some((_, i) => problem.form.startsWith(`poging-${i + 1}-`));
  return c.html(
    <Page title={`Melding ${melding.ref}`} auth={auth}>
      {done !== undefined && done in DONE && <Notice kind="ok">{DONE[done as Done]}</Notice>}
      {problem !== null &&
        (attemptGone ? (
          <Notice kind="fout">{Object.values(problem.errors).join(' ')}</Notice>
        ) : (
          <Notice kind="fout">
            Er is niets gewijzigd: <a href={`#${problem.form}`}>verbeter het formulier</a> dat hieronder gemarkeerd is.
          </Notice>
        ))}
      <dl class="facts">
        <dt>Lijst</dt>
        <dd>{`${describeMonth(melding.month)} (${melding.month})`}</dd>
        <dt>Soort</dt>
        <dd>{`${melding.category}${melding.opeenvolgend ? ', opeenvolgend' : ''}${melding.onLastMonth ? ', vorige maand ook op de lijst' : ''}`}</dd>
        <dt>Triage</dt>
        <dd>{melding.decision === null ? 'nog niet getrieerd' : DECISIONS[melding.decision.kind]}</dd>
        <dt>Reden</dt>
        <dd>{melding.decision?.reason ?? '—'}</dd>
        <dt>Medewerker</dt>
        <dd>{melding.decision?.worker ?? '(nog niemand)'}</dd>
      </dl>
      {melding.purged && <p class="notice let-op">De persoonsgegevens van deze melding zijn na de bewaartermijn verwijderd.</p>}
      {/* Each form where its command applies; and a refused one always, with its error. */}
      {((melding.decision !== null && !pickedUp) || refused('oppakken')) && <PickupForm {...forms} workers={workers} />}
      {((pickedUp && melding.result === null && melding.decision?.worker != null) || refused('overdragen')) && <HandoverForm {...forms} workers={workers} />}

      <h2>Signalen</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Organisatie</th>
            <th scope="col">Soort</th>
            <th scope="col" class="num">Bedrag</th>
            <th scope="col">Signaaldatum</th>
            <th scope="col">Naam</th>
            <th scope="col">Adres</th>
            <th scope="col">Telefoon</th>
            <th scope="col">E-mail</th>
            <th scope="col">BSN</th>
          </tr>
        </thead>
        <tbody>
          {melding.signals.map((s) => (
            <tr>
              <td>{s.schuldeiser ?? s.signaalpartner}</td>
              <td>{s.signaalpartner}</td>
              <td class="num">{formatCents(s.bedragCents)}</td>
              <td>{dutchDate(s.signaaldatum)}</td>
              <td>{s.naam ?? ''}</td>
              <td>{s.adres}</td>
              <td>{s.telefoon ?? ''}</td>
              <td>{s.email ?? ''}</td>
              <td>{s.bsn ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Contactpogingen</h2>
      {attempts.length === 0 ? (
        <p>Nog geen contactpogingen.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">Nr</th>
              <th scope="col">Datum</th>
              <th scope="col">Tijd</th>
              <th scope="col">Dagdeel</th>
              <th scope="col">Soort</th>
              <th scope="col">Bereikt</th>
              <th scope="col">Notitie</th>
              <th scope="col">Corrigeren</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((contact, i) => (
              <tr>
                <td class="num">{i + 1}</td>
                <td>{dutchDate(contact.datum)}</td>
                <td>{contact.tijd ?? ''}</td>
                <td>{contact.dagdeel ?? ''}</td>
                <td>{contact.soort}</td>
                <td>{contact.bereikt ? 'ja' : 'nee'}</td>
                <td>{contact.notitie ?? ''}</td>
                <td>
                  <AttemptForms {...forms} attempt={contact} number={i + 1} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Resultaat</h2>
      {melding.result === null ? (
        <p>Nog geen resultaat.</p>
      ) : (
        <dl class="facts">
          <dt>Resultaat</dt>
          <dd>{melding.result.resultaat}</dd>
          <dt>Verwezen naar</dt>
          <dd>{melding.result.referredTo ?? '—'}</dd>
          <dt>Afgesloten op</dt>
          <dd>{dutchDate(melding.result.closedOn)}</dd>
          <dt>Vastgelegd door</dt>
          <dd>{melding.result.source === 'medewerker' ? 'een medewerker' : 'de triage'}</dd>
        </dl>
      )}
      {(pickedUp || refused('resultaat') || refused('heropenen')) && (
        <div class="forms">
          <ResultForm {...forms} />
          {(melding.result?.source === 'medewerker' || refused('heropenen')) && <ReopenForm {...forms} />}
        </div>
      )}

      <h2>Wie deed wat</h2>
      {changes.length === 0 ? (
        <p>Nog niets vastgelegd voor deze melding.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Tijdstip</th>
              <th scope="col">Wie</th>
              <th scope="col">Opdracht</th>
              <th scope="col">Aantallen</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((r) => (
              <tr>
                <td>{localDateTime(r.at)}</td>
                <td>{r.account ?? `${r.osUser} (opdrachtregel)`}</td>
                <td>{r.command}</td>
                <td>{Object.entries(r.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Eerdere en latere meldingen van dit huishouden</h2>
      {melding.history.length === 0 ? (
        <p>Dit huishouden heeft geen andere meldingen.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Melding</th>
              <th scope="col">Triage</th>
              <th scope="col">Opgevolgd</th>
              <th scope="col">Resultaat</th>
            </tr>
          </thead>
          <tbody>
            {melding.history.map((h) => (
              <tr>
                <td>
                  <a href={`/melding/${h.ref}`}>{h.ref}</a>
                </td>
                <td>{h.decision === null ? 'nog niet getrieerd' : DECISIONS[h.decision]}</td>
                <td>{h.opgevolgd ? 'ja' : 'nee'}</td>
                <td>{h.resultaat ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>,
    problem === null ? 200 : 422,
  );
}

interface FormsProps {
  auth: Auth;
  melding: MeldingDetail;
  problem: MeldingProblem | null;
  today: string;
}

/** The refused form's errors and typed values, when `form` is the one refused. */
function problemOf(props: FormsProps, form: string): { errors: FieldErrors; values: FormValues | null } {
  return props.problem?.form === form ? { errors: props.problem.errors, values: props.problem.values } : { errors: {}, values: null };
}

function AttemptForms(props: FormsProps & { attempt: StoredContact; number: number }) {
  const { attempt, number, melding } = props;
  const correct = `poging-${number}-corrigeren`;
  const remove = `poging-${number}-verwijderen`;
  const corrected = problemOf(props, correct);
  const removed = problemOf(props, remove);
  const values = corrected.values ?? { bereikt: attempt.bereikt ? 'ja' : 'nee', notitie: attempt.notitie ?? '' };
  // Open when one of its forms was refused, so that the error is in view.
  const open = corrected.values !== null || removed.values !== null;
  return (
    <details open={open}>
      <summary>{`Poging ${number} corrigeren of verwijderen`}</summary>
      <form method="post" action={`/melding/${melding.ref}/poging/${number}/corrigeren`} id={correct} novalidate aria-label={`Poging ${number} corrigeren`}>
        <CsrfField auth={props.auth} />
        {/* Which attempt the page showed: refused if the attempts changed since. */}
        <input type="hidden" name="soort" value={attempt.soort} />
        <input type="hidden" name="datum" value={attempt.datum} />
        <RadioField
          id={`${correct}-bereikt`}
          name="bereikt"
          legend="Bereikt?"
          value={values.bereikt ?? ''}
          error={corrected.errors.bereikt}
          options={[
            { value: 'ja', label: 'ja' },
            { value: 'nee', label: 'nee' },
          ]}
        />
        <TextAreaField id={`${correct}-notitie`} name="notitie" label="Notitie" value={values.notitie ?? ''} error={corrected.errors.notitie} />
        <button type="submit">Poging corrigeren</button>
      </form>
      <form method="post" action={`/melding/${melding.ref}/poging/${number}/verwijderen`} id={remove} novalidate aria-label={`Poging ${number} verwijderen`}>
        <CsrfField auth={props.auth} />
        <input type="hidden" name="soort" value={attempt.soort} />
        <input type="hidden" name="datum" value={attempt.datum} />
        <SelectField
          id={`${remove}-reden`}
          name="reden"
          label="Waarom verwijderen?"
          value={removed.values?.reden ?? ''}
          error={removed.errors.reden}
          options={[{ value: '', label: 'kies…' }, ...DELETE_REASONS.map((r) => ({ value: r.code, label: r.description }))]}
        />
        <button type="submit">Poging verwijderen</button>
      </form>
    </details>
  );
}

function ResultForm(props: FormsProps) {
  const { melding } = props;
  const { errors, values } = problemOf(props, 'resultaat');
  const current = melding.result?.source === 'medewerker' ? melding.result : null;
  const shown = values ?? {
    resultaat: EINDRESULTATEN.find((r) => r.value === current?.resultaat)?.code ?? '',
    verwezen: current?.referredTo ?? '',
    datum: current?.closedOn ?? props.today,
  };
  return (
    <form method="post" action={`/melding/${melding.ref}/resultaat`} id="resultaat" novalidate aria-labelledby="resultaat-titel">
      <h3 id="resultaat-titel">{current === null ? 'Resultaat vastleggen' : 'Resultaat wijzigen'}</h3>
      <CsrfField auth={props.auth} />
      <SelectField
        id="resultaat-res"
        name="resultaat"
        label="Resultaat"
        value={shown.resultaat ?? ''}
        error={errors.resultaat}
        options={[{ value: '', label: 'kies…' }, ...EINDRESULTATEN.map((r) => ({ value: r.code, label: r.value }))]}
      />
      <SelectField
        id="resultaat-verwezen"
        name="verwezen"
        label="Verwezen naar"
        value={shown.verwezen ?? ''}
        error={errors.verwezen}
        options={[{ value: '', label: 'geen' }, ...REFERRAL_TARGETS.map((r) => ({ value: r.code, label: r.description }))]}
      />
      <InputField id="resultaat-datum" name="datum" label="Datum afsluiten" type="date" max={props.today} value={shown.datum ?? ''} error={errors.datum} />
      <button type="submit">{current === null ? 'Resultaat vastleggen' : 'Resultaat wijzigen'}</button>
    </form>
  );
}

function ReopenForm(props: FormsProps) {
  const { errors } = problemOf(props, 'heropenen');
  const error = errors.melding;
  return (
    <form method="post" action={`/melding/${props.melding.ref}/heropenen`} id="heropenen" aria-labelledby="heropenen-titel">
      <h3 id="heropenen-titel">Heropenen</h3>
      <CsrfField auth={props.auth} />
      <p id="heropenen-uitleg">Het resultaat vervalt; de pogingen blijven staan.</p>
      <button type="submit" aria-describedby={error === undefined ? 'heropenen-uitleg' : 'heropenen-uitleg heropenen-fout'}>
        Melding heropenen
      </button>
      {error !== undefined && (
        <p id="heropenen-fout" class="field-error">
          {error}
        </p>
      )}
    </form>
  );
}

function PickupForm(props: FormsProps & { workers: readonly WorkerRecord[] }) {
  const { errors, values } = problemOf(props, 'oppakken');
  const own = props.workers.find((w) => w.id === props.auth.account.workerId)?.name ?? '';
  return (
    <form method="post" action={`/melding/${props.melding.ref}/oppakken`} id="oppakken" class="filters" novalidate aria-labelledby="oppakken-titel">
      <h2 id="oppakken-titel">Alsnog oppakken</h2>
      <CsrfField auth={props.auth} />
      <SelectField
        id="oppakken-medewerker"
        name="medewerker"
        label="Wie pakt de melding op?"
        value={values?.medewerker ?? own}
        error={errors.medewerker}
        options={[{ value: '', label: 'eropaf kiest (de eigen medewerker, als die er is)' }, ...props.workers.map((w) => ({ value: w.name, label: w.name }))]}
      />
      <button type="submit">Melding oppakken</button>
    </form>
  );
}

function HandoverForm(props: FormsProps & { workers: readonly WorkerRecord[] }) {
  const { errors, values } = problemOf(props, 'overdragen');
  const colleagues = props.workers.filter((w) => w.name !== props.melding.decision?.worker);
  return (
    <form method="post" action={`/melding/${props.melding.ref}/overdragen`} id="overdragen" class="filters" novalidate aria-labelledby="overdragen-titel">
      <h2 id="overdragen-titel">Overdragen aan een collega</h2>
      <p>De andere open meldingen van hetzelfde huishouden gaan mee, zodat het huishouden bij één medewerker blijft.</p>
      <CsrfField auth={props.auth} />
      <SelectField
        id="overdragen-collega"
        name="collega"
        label="Naar wie gaat deze melding?"
        value={values?.collega ?? ''}
        error={errors.collega}
        options={[{ value: '', label: 'kies…' }, ...colleagues.map((w) => ({ value: w.name, label: w.name }))]}
      />
      <button type="submit">Melding overdragen</button>
    </form>
  );
}

export function registerMelding(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/melding/:ref', (c) => renderMelding(c, options, c.req.param('ref'), null));
}
