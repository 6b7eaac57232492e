import fs from 'node:fs';
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { importList, type ImportOutcome } from '../../app/import-list.js';
import { EropafError } from '../../core/errors.js';
import type { ImportSummary } from '../../core/import/summary.js';
import { describeMonth, parseMonthOption } from '../../core/month.js';
import type { Month } from '../../core/types.js';
import { importWarnings } from '../../terminal/import-summary.js';
import { auditedStore, type Auth, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { InputField } from '../fields.js';
import { todayOf } from '../format.js';
import { CsrfField, Notice, Page } from '../layout.js';
import { RefusedFile } from '../refusal.js';
import { coordinatorOnly } from '../session.js';
import type { Upload, Uploads } from '../uploads.js';

// Lijst inlezen (coordinator): upload a monthly list, see exactly what `eropaf import --dry-run`
// says (the summary, or every problem with its line, column, masked value and hint), then
// "Inlezen". Refused lists give the command line's own Dutch messages.

/** The largest list accepted: a big city's month is some 20 MB. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

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

function readChoice(form: Record<string, unknown>): Choice | { errors: Record<string, string> } {
  const month = typeof form.maand === 'string' ? form.maand.trim() : '';
  const replace = form.vervang === 'ja';
  const skipInvalid = form.overslaan === 'ja';
  const aanvulling = form.aanvulling === 'ja';
  if (month === '') return { month: undefined, replace, skipInvalid, aanvulling };
  const parsed = parseMonthOption(month);
  return parsed.ok ? { month: parsed.value, replace, skipInvalid, aanvulling } : { errors: { maand: 'Schrijf de maand als JJJJ-MM, bijvoorbeeld 2022-03.' } };
}

export function registerImport(app: Hono<WebEnv>, options: WebOptions, uploads: Uploads): void {
  const page = (c: WebContext, body: Child, status: 200 | 400 | 422 = 200) =>
    c.html(
      <Page title="Lijst inlezen" auth={c.get('auth')!} current="/inlezen">
        {body}
      </Page>,
      status,
    );

  const run = (store: WebOptions['store'], upload: Upload, choice: Choice, dryRun: boolean, rejectsFile?: string): Promise<ImportOutcome> =>
    importList(store, {
      file: upload.file,
      ...(choice.month !== undefined && { month: choice.month }),
      dryRun,
      replace: choice.replace,
      force: false,
      ...(choice.aanvulling && { aanvulling: true }),
      skipInvalid: choice.skipInvalid,
      ...(rejectsFile !== undefined && { rejectsFile }),
      today: todayOf(options.clock),
      now: () => options.clock().toISOString(),
    });

  /** A refused list: the command line's message, its problems (line, column, masked value) and hint. */
  const refused = (c: WebContext, error: EropafError, choice: Choice) =>
    page(
      c,
      <>
        <RefusedFile error={error} />
        <p>Er is niets ingelezen.</p>
        <UploadForm auth={c.get('auth')!} month={choice.month ?? ''} replace={choice.replace} skipInvalid={choice.skipInvalid} aanvulling={choice.aanvulling} errors={{}} />
      </>,
      422,
    );

  app.get('/inlezen', coordinatorOnly(), (c) => page(c, <UploadForm auth={c.get('auth')!} month="" replace={false} errors={{}} />));

  app.post('/inlezen', coordinatorOnly(), async (c) => {
    const form = await c.req.parseBody();
    const choice = readChoice(form);
    const file = form.bestand;
    const errors: Record<string, string> = 'errors' in choice ? { ...choice.errors } : {};
    // A browser sends a nameless empty part when no file was chosen; an empty file that was
    // chosen goes on, to get the command line's message about it.
    if (!(file instanceof File) || file.name === '') errors.bestand = 'Kies het bestand met de maandlijst.';
    if ('errors' in choice || Object.keys(errors).length > 0 || !(file instanceof File)) {
      return page(c, <UploadForm auth={c.get('auth')!} month={typeof form.maand === 'string' ? form.maand : ''} replace={form.vervang === 'ja'} skipInvalid={form.overslaan === 'ja'} aanvulling={form.aanvulling === 'ja'} errors={errors} />, 400);
    }
    const session = c.get('auth')!.session;
    const upload = await uploads.save(new Uint8Array(await file.arrayBuffer()), file.name, session.idHash);
    let outcome: ImportOutcome;
    try {
      outcome = await run(options.store, upload, choice, true);
    } catch (error) {
      uploads.remove(upload);
      if (error instanceof EropafError) return refused(c, error, choice);
      throw error;
    }
    if (outcome.kind === 'already-imported') {
      uploads.remove(upload);
      return page(
        c,
        <>
          <Notice kind="let-op">{`${upload.name} is al eerder ingelezen, als lijst van ${describeMonth(outcome.prior.month)} (${outcome.prior.month}). Er is niets veranderd.`}</Notice>
          <UploadForm auth={c.get('auth')!} month="" replace={false} errors={{}} />
        </>,
      );
    }
    return page(
      c,
      <>
        <h2>Voorbeeld: zo wordt de lijst ingelezen</h2>
        <Summary summary={outcome.summary} />
        <p>Er is nog niets opgeslagen.</p>
        <form method="post" action="/inlezen/bevestig">
          <CsrfField auth={c.get('auth')!} />
          <input type="hidden" name="upload" value={upload.token} />
          <input type="hidden" name="maand" value={choice.month ?? ''} />
          <input type="hidden" name="vervang" value={choice.replace ? 'ja' : ''} />
          <input type="hidden" name="overslaan" value={choice.skipInvalid ? 'ja' : ''} />
          <input type="hidden" name="aanvulling" value={choice.aanvulling ? 'ja' : ''} />
          <button type="submit">Inlezen</button>
        </form>
        <p>
          <a href="/inlezen">Een ander bestand kiezen</a>
        </p>
      </>,
    );
  });

  app.post('/inlezen/bevestig', coordinatorOnly(), async (c) => {
    const form = await c.req.parseBody();
    const choice = readChoice(form);
    const upload = uploads.take(form.upload, c.get('auth')!.session.idHash);
    if (upload === undefined || 'errors' in choice) {
      return page(c, <><Notice kind="fout">Dit voorbeeld is verlopen (na een half uur, of al ingelezen); er is niets ingelezen. Kies het bestand opnieuw.</Notice><UploadForm auth={c.get('auth')!} month="" replace={false} errors={{}} /></>, 400);
    }
    const session = c.get('auth')!.session;
    // The rejected rows (personal data) wait in a private file of this session, to download.
    const rejects = choice.skipInvalid ? uploads.reserve(upload.name.replace(/(\.csv)?$/i, '.afgewezen.csv'), session.idHash) : null;
    let kept = false;
    try {
      const store = auditedStore(c, options, 'import', {
        bestand: upload.name,
        ...(choice.month !== undefined && { maand: choice.month }),
        ...(choice.replace && { vervang: true }),
        ...(choice.skipInvalid && { 'skip-invalid': true }),
        ...(choice.aanvulling && { aanvulling: true }),
      });
      const outcome = await run(store, upload, choice, false, rejects?.file);
      if (outcome.kind === 'already-imported') {
        return page(c, <Notice kind="let-op">{`${upload.name} is al eerder ingelezen. Er is niets veranderd.`}</Notice>);
      }
      kept = rejects !== null && outcome.summary.rejectsFile !== null;
      return page(
        c,
        <>
          <Notice kind="ok">{`Ingelezen: ${upload.name} als ${describeMonth(outcome.summary.month)} (${outcome.summary.month}).`}</Notice>
          <Summary summary={outcome.summary} />
          {kept && (
            <p>
              {`${outcome.summary.signals.rejected} ${outcome.summary.signals.rejected === 1 ? 'regel is' : 'regels zijn'} afgewezen: `}
              <a href={`/inlezen/afgewezen/${rejects!.token}`}>download de afgewezen regels met de reden (CSV)</a>
              {'. Het bestand blijft een half uur staan.'}
            </p>
          )}
          <p>
            Volgende stap: <a href={`/triage?maand=${outcome.summary.month}`}>triage van {describeMonth(outcome.summary.month)}</a>.
          </p>
        </>,
      );
    } catch (error) {
      if (error instanceof EropafError) return refused(c, error, choice);
      throw error;
    } finally {
      uploads.remove(upload);
      if (rejects !== null && !kept) uploads.remove(rejects);
    }
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
