import fs from 'node:fs';
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { EropafError } from '../../core/errors.js';
import type { ImportSummary } from '../../core/import/summary.js';
import { describeMonth, parseMonthOption } from '../../core/month.js';
import type { Month } from '../../core/types.js';
import { importWarnings } from '../../terminal/import-summary.js';
import { auditContextOf, type Auth, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { InputField } from '../fields.js';
import { todayOf } from '../format.js';
import { CsrfField, Notice, Page } from '../layout.js';
import type { JobSpec } from '../job-kinds.js';
import type { Job } from '../jobs.js';
import { receiveUpload } from '../receive-upload.js';
import { forbidden, RefusedFile } from '../refusal.js';
import { coordinatorOnly } from '../session.js';
import type { Upload, Uploads } from '../uploads.js';

// Lijst inlezen (coordinator): upload a monthly list, see exactly what `eropaf import --dry-run`
// says (the summary, or every problem with its line, column, masked value and hint), then
// "Inlezen". Refused lists give the command line's own Dutch messages. The preview and the
// import run off the request path (jobs.ts); their page follows them until they are done.

interface Choice {
  month: Month | undefined;
  replace: boolean;
  /** Import the good rows; the rejected ones go to a file to download. */
  skipInvalid: boolean;
  /** A supplementary list for a month that has one already (`--aanvulling`). */
  aanvulling: boolean;
}

function UploadForm(props: { auth: Auth; month: string; replace: boolean; skipInvalid?: boolean; aanvulling?: boolean; errors: Record<string, string> }) {
  return (
    <form method="post" action="/inlezen" enctype="multipart/form-data" novalidate>
      <CsrfField auth={props.auth} />
      <p class="field">
        <label for="bestand">Maandlijst (CSV, zoals de gemeente hem levert)</label>
        <input
          id="bestand"
          name="bestand"
          type="file"
          accept=".csv,text/csv"
          {...(props.errors.bestand === undefined ? {} : { 'aria-invalid': 'true', 'aria-describedby': 'bestand-fout' })}
        />
        {props.errors.bestand !== undefined && (
          <span id="bestand-fout" class="field-error">
            {props.errors.bestand}
          </span>
        )}
      </p>
      <InputField id="maand" name="maand" label="Maand (leeg: uit de bestandsnaam)" type="month" value={props.month} error={props.errors.maand} />
      <p class="field">
        <label class="choice">
          <input type="checkbox" name="vervang" value="ja" checked={props.replace} />
          Vervang de lijst die al voor die maand is ingelezen
        </label>
      </p>
      <p class="field">
        <label class="choice">
          <input type="checkbox" name="aanvulling" value="ja" checked={props.aanvulling === true} />
          Dit is een aanvullende lijst voor een maand die al een lijst heeft
        </label>
      </p>
      <p class="field">
        <label class="choice">
          <input type="checkbox" name="overslaan" value="ja" checked={props.skipInvalid === true} />
          Lees de goede regels in en sla de foute over (die komen met de reden in een apart bestand om te downloaden)
        </label>
      </p>
      <button type="submit">Voorbeeld tonen</button>
    </form>
  );
}

function Summary(props: { summary: ImportSummary }) {
  const { summary } = props;
  const { signals, meldingen, households } = summary;
  const duplicates = signals.duplicateInFile + signals.duplicateKnown;
  return (
    <>
      <dl class="facts">
        <dt>Bestand</dt>
        <dd>{summary.file}</dd>
        <dt>Maand</dt>
        <dd>{`${describeMonth(summary.month)} (${summary.month})${summary.replaced ? ', vervangt de eerdere lijst van die maand' : ''}`}</dd>
        <dt>Regels gelezen</dt>
        <dd>{summary.rowsRead}</dd>
        <dt>Signalen nieuw</dt>
        <dd>{signals.new}</dd>
        <dt>Signalen dubbel</dt>
        <dd>{duplicates === 0 ? '0' : `${duplicates} (${signals.duplicateInFile} binnen dit bestand, ${signals.duplicateKnown} al eerder ingelezen)`}</dd>
        <dt>Regels afgewezen</dt>
        <dd>{signals.rejected}</dd>
        <dt>Meldingen</dt>
        <dd>{`${meldingen.created + meldingen.updated} (${meldingen.created} nieuw, ${meldingen.updated} aangevuld): ${meldingen.enkelvoudig} enkelvoudig, ${meldingen.meervoudig} meervoudig, ${meldingen.opeenvolgend} opeenvolgend, ${meldingen.onLastMonth} op de lijst van vorige maand`}</dd>
        <dt>Huishoudens</dt>
        <dd>{`${households.new} nieuw, ${households.known} bekend`}</dd>
        {summary.ignoredColumns.length > 0 && (
          <>
            <dt>Genegeerde kolommen</dt>
            <dd>{summary.ignoredColumns.map((c) => `"${c}"`).join(', ')}</dd>
          </>
        )}
      </dl>
      {importWarnings(summary).map((warning) => (
        <Notice kind="let-op">{warning}</Notice>
      ))}
    </>
  );
}

function readChoice(form: Record<string, string>): Choice | { errors: Record<string, string> } {
  const month = typeof form.maand === 'string' ? form.maand.trim() : '';
  const replace = form.vervang === 'ja';
  const skipInvalid = form.overslaan === 'ja';
  const aanvulling = form.aanvulling === 'ja';
  if (month === '') return { month: undefined, replace, skipInvalid, aanvulling };
  const parsed = parseMonthOption(month);
  return parsed.ok ? { month: parsed.value, replace, skipInvalid, aanvulling } : { errors: { maand: 'Schrijf de maand als JJJJ-MM, bijvoorbeeld 2022-03.' } };
}

/** Seconds between the reloads of a job's page while it runs. */
const REFRESH_SECONDS = 1;

function Progress(props: { job: Job<'import'> }) {
  const { job } = props;
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  const read = job.total > 0 && job.done >= job.total;
  return (
    <>
      <p role="status">
        {job.total === 0
          ? 'Het bestand wordt geopend…'
          : read
            ? `Het bestand is gelezen (${mb(job.total)} MB); de meldingen worden nu ${job.spec.dryRun ? 'bepaald' : 'opgeslagen'}…`
            : `Gelezen: ${mb(job.done)} van ${mb(job.total)} MB.`}
      </p>
      <progress max={Math.max(job.total, 1)} value={job.done} aria-label="Voortgang van het lezen" />
      <p>Deze pagina ververst zichzelf. U kunt intussen ook andere pagina's openen; het {job.spec.dryRun ? 'voorbeeld' : 'inlezen'} gaat door.</p>
    </>
  );
}

export function registerImport(app: Hono<WebEnv>, options: WebOptions, uploads: Uploads): void {
  const page = (c: WebContext, body: Child, status: 200 | 400 | 404 | 413 | 422 | 500 = 200, refreshSeconds?: number) =>
    c.html(
      <Page title="Lijst inlezen" auth={c.get('auth')!} current="/inlezen" {...(refreshSeconds !== undefined && { refreshSeconds })}>
        {body}
      </Page>,
      status,
    );
  const form = (c: WebContext, choice?: Choice, errors: Record<string, string> = {}) => (
    <UploadForm auth={c.get('auth')!} month={choice?.month ?? ''} replace={choice?.replace ?? false} skipInvalid={choice?.skipInvalid ?? false} aanvulling={choice?.aanvulling ?? false} errors={errors} />
  );
  const imports = (): NonNullable<WebOptions['background']> => {
    if (options.background === undefined) throw new Error('the web app was started without its job runner');
    return options.background;
  };

  /** The job of an uploaded list: its dry run (the preview), or the import itself. */
  const start = (c: WebContext, upload: Upload, choice: Choice, dryRun: boolean, rejects: Upload | null): Job<'import'> => {
    const { jobs, database, busyTimeoutMs } = imports();
    const spec: JobSpec<'import'> = {
      kind: 'import',
      database,
      busyTimeoutMs,
      file: upload.file,
      ...(choice.month !== undefined && { month: choice.month }),
      dryRun,
      replace: choice.replace,
      skipInvalid: choice.skipInvalid,
      aanvulling: choice.aanvulling,
      ...(rejects !== null && { rejectsFile: rejects.file }),
      today: todayOf(options.clock),
      now: options.clock().toISOString(),
      audit: auditContextOf(c, options, 'import', {
        bestand: upload.name,
        ...(choice.month !== undefined && { maand: choice.month }),
        ...(choice.replace && { vervang: true }),
        ...(choice.skipInvalid && { 'skip-invalid': true }),
        ...(choice.aanvulling && { aanvulling: true }),
      }),
    };
    return jobs.start(spec, { upload, rejects }, c.get('auth')!.session.idHash, (job) => {
      // A preview keeps its upload for "Inlezen" (half an hour at most); anything else is done with it.
      const previewed = dryRun && job.outcome?.kind === 'imported';
      if (!previewed) uploads.remove(upload);
      const keptRejects = job.outcome?.kind === 'imported' && job.outcome.summary.rejectsFile !== null;
      if (rejects !== null && !keptRejects) uploads.remove(rejects);
    });
  };

  const choiceOf = (job: Job<'import'>): Choice => ({
    month: job.spec.month,
    replace: job.spec.replace,
    skipInvalid: job.spec.skipInvalid,
    aanvulling: job.spec.aanvulling,
  });

  app.get('/inlezen', coordinatorOnly(), (c) => page(c, form(c)));

  app.post('/inlezen', coordinatorOnly(), async (c) => {
    const received = await receiveUpload(c, uploads);
    if (!received.ok) return received.status === 403 ? forbidden(c, received.message) : page(c, form(c, undefined, { bestand: received.message }), received.status);
    const { fields, upload } = received;
    const choice = readChoice(fields);
    const errors: Record<string, string> = 'errors' in choice ? { ...choice.errors } : {};
    // A browser sends a nameless empty part when no file was chosen; an empty file that was
    // chosen goes on, to get the command line's message about it.
    if (upload === null) errors.bestand = 'Kies het bestand met de maandlijst.';
    if ('errors' in choice || upload === null) {
      if (upload !== null) uploads.remove(upload);
      const typed = { replace: fields.vervang === 'ja', skipInvalid: fields.overslaan === 'ja', aanvulling: fields.aanvulling === 'ja' };
      return page(c, <UploadForm auth={c.get('auth')!} month={fields.maand ?? ''} {...typed} errors={errors} />, 400);
    }
    return c.redirect(`/inlezen/taak/${start(c, upload, choice, true, null).id}`, 303);
  });

  app.get('/inlezen/taak/:id', coordinatorOnly(), (c) => {
    const job = imports().jobs.find('import', c.req.param('id'), c.get('auth')!.session.idHash);
    if (job === undefined) {
      return page(c, <><Notice kind="fout">Deze taak bestaat niet (meer): na een half uur wordt hij vergeten. Kies het bestand opnieuw.</Notice>{form(c)}</>, 404);
    }
    const { upload, outcome, error } = job;
    if (job.state === 'bezig') {
      return page(c, <><h2>{job.spec.dryRun ? `Voorbeeld van ${upload.name} wordt gemaakt` : `${upload.name} wordt ingelezen`}</h2><Progress job={job} /></>, 200, REFRESH_SECONDS);
    }
    if (error !== null) {
      if (error instanceof EropafError) return page(c, <><RefusedFile error={error} /><p>Er is niets ingelezen.</p>{form(c, choiceOf(job))}</>, 422);
      options.reportFault?.(`fout in eropaf bij het inlezen van een lijst (${error.name}) om ${options.clock().toISOString()}`);
      return page(c, <><Notice kind="fout">Er ging iets mis in eropaf zelf; er is niets ingelezen. Meld dit bij de beheerder, met het tijdstip.</Notice>{form(c, choiceOf(job))}</>, 500);
    }
    if (outcome!.kind === 'already-imported') {
      const { prior } = outcome!;
      return page(c, <><Notice kind="let-op">{`${upload.name} is al eerder ingelezen, als lijst van ${describeMonth(prior.month)} (${prior.month}). Er is niets veranderd.`}</Notice>{form(c)}</>);
    }
    const { summary } = outcome!;
    if (job.spec.dryRun) {
      return page(
        c,
        <>
          <h2>Voorbeeld: zo wordt de lijst ingelezen</h2>
          <Summary summary={summary} />
          <p>Er is nog niets opgeslagen.</p>
          <form method="post" action="/inlezen/bevestig">
            <CsrfField auth={c.get('auth')!} />
            <input type="hidden" name="taak" value={job.id} />
            <button type="submit">Inlezen</button>
          </form>
          <p>
            <a href="/inlezen">Een ander bestand kiezen</a>
          </p>
        </>,
      );
    }
    return page(
      c,
      <>
        <Notice kind="ok">{`Ingelezen: ${upload.name} als ${describeMonth(summary.month)} (${summary.month}).`}</Notice>
        <Summary summary={summary} />
        {summary.rejectsFile !== null && job.rejects !== null && (
          <p>
            {`${summary.signals.rejected} ${summary.signals.rejected === 1 ? 'regel is' : 'regels zijn'} afgewezen: `}
            <a href={`/inlezen/afgewezen/${job.rejects.token}`}>download de afgewezen regels met de reden (CSV)</a>
            {'. Het bestand blijft een half uur staan.'}
          </p>
        )}
        <p>
          Volgende stap: <a href={`/triage?maand=${summary.month}`}>triage van {describeMonth(summary.month)}</a>.
        </p>
      </>,
    );
  });

  app.post('/inlezen/bevestig', coordinatorOnly(), async (c) => {
    const fields = await c.req.parseBody();
    const session = c.get('auth')!.session;
    const preview = imports().jobs.find('import', fields.taak, session.idHash);
    // Taking the upload makes the preview's "Inlezen" work once.
    const upload = preview?.spec.dryRun === true && preview.outcome?.kind === 'imported' ? uploads.take(preview.upload.token, session.idHash) : undefined;
    if (preview === undefined || upload === undefined) {
      return page(c, <><Notice kind="fout">Dit voorbeeld is verlopen (na een half uur, of al ingelezen); er is niets ingelezen. Kies het bestand opnieuw.</Notice>{form(c)}</>, 400);
    }
    imports().jobs.forget(preview);
    const choice = choiceOf(preview);
    // The rejected rows (personal data) wait in a private file of this session, to download.
    const rejects = choice.skipInvalid ? uploads.reserve(upload.name.replace(/(\.csv)?$/i, '.afgewezen.csv'), session.idHash) : null;
    return c.redirect(`/inlezen/taak/${start(c, upload, choice, false, rejects).id}`, 303);
  });

  app.get('/inlezen/afgewezen/:token', coordinatorOnly(), (c) => {
    const rejects = uploads.find(c.req.param('token'), c.get('auth')!.session.idHash);
    if (rejects === undefined || !fs.existsSync(rejects.file)) return c.notFound();
    return c.body(fs.readFileSync(rejects.file), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${rejects.name}"`,
    });
  });
}
