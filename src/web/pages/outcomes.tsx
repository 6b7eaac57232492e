import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { readOutcomes, type OutcomesSummary } from '../../app/read-outcomes.js';
import { EropafError } from '../../core/errors.js';
import { auditedStore, type Auth, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { todayOf } from '../format.js';
import { CsrfField, Notice, Page } from '../layout.js';
import { receiveUpload } from '../receive-upload.js';
import { forbidden, RefusedFile } from '../refusal.js';
import type { Uploads } from '../uploads.js';

// Ingevulde werklijst teruglezen: upload the worklist CSV filled in in Excel, see exactly what
// `eropaf outcomes --dry-run` would record (every attempt and result), then "Vastleggen". Any bad
// row stops the whole file, with the command line's own messages.

function UploadForm(props: { auth: Auth }) {
  return (
    <form method="post" action="/uitkomsten" enctype="multipart/form-data" novalidate>
      <CsrfField auth={props.auth} />
      <p class="field">
        <label for="bestand">Ingevulde werklijst (CSV, ook zoals Excel hem opslaat)</label>
        <input id="bestand" name="bestand" type="file" accept=".csv,text/csv" />
      </p>
      <button type="submit">Voorbeeld tonen</button>
    </form>
  );
}

function Plan(props: { summary: OutcomesSummary }) {
  const { plan, rowsRead, rowsFilled } = props.summary;
  return (
    <>
      <p>{`${rowsRead} regels, ${rowsFilled} ingevuld: ${plan.contacts.length} ${plan.contacts.length === 1 ? 'contactpoging' : 'contactpogingen'}, ${plan.results.length} ${plan.results.length === 1 ? 'resultaat' : 'resultaten'}${plan.alreadyRecorded > 0 ? `; ${plan.alreadyRecorded} al eerder vastgelegd (niet dubbel opgeslagen)` : ''}.`}</p>
      {plan.contacts.length > 0 && (
        <table>
          <caption>Contactpogingen</caption>
          <thead>
            <tr>
              <th scope="col">Melding</th>
              <th scope="col">Datum</th>
              <th scope="col">Soort</th>
              <th scope="col">Bereikt</th>
            </tr>
          </thead>
          <tbody>
            {plan.contacts.map((c) => (
              <tr>
                <td>{c.ref}</td>
                <td>{c.contact.datum}</td>
                <td>{c.contact.soort}</td>
                <td>{c.contact.bereikt ? 'ja' : 'nee'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.results.length > 0 && (
        <table>
          <caption>Resultaten</caption>
          <thead>
            <tr>
              <th scope="col">Melding</th>
              <th scope="col">Resultaat</th>
              <th scope="col">Was</th>
            </tr>
          </thead>
          <tbody>
            {plan.results.map((r) => (
              <tr>
                <td>{r.ref}</td>
                <td>{r.result.resultaat}</td>
                <td>{r.previous ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function registerOutcomes(app: Hono<WebEnv>, options: WebOptions, uploads: Uploads): void {
  const page = (c: WebContext, body: Child, status: 200 | 400 | 413 | 422 = 200) =>
    c.html(
      <Page title="Ingevulde werklijst teruglezen" auth={c.get('auth')!} current="/werklijst">
        {body}
      </Page>,
      status,
    );
  const read = (store: WebOptions['store'], file: string, dryRun: boolean) =>
    readOutcomes(store, { file, dryRun, today: todayOf(options.clock), now: () => options.clock().toISOString() });

  app.get('/uitkomsten', (c) => page(c, <UploadForm auth={c.get('auth')!} />));

  app.post('/uitkomsten', async (c) => {
    const received = await receiveUpload(c, uploads);
    if (!received.ok && received.status === 403) return forbidden(c, received.message);
    if (!received.ok || received.upload === null) {
      const message = received.ok ? 'Kies het bestand met de ingevulde werklijst.' : received.message;
      return page(c, <><Notice kind="fout">{message}</Notice><UploadForm auth={c.get('auth')!} /></>, received.ok || received.status === 403 ? 400 : received.status);
    }
    const { upload } = received;
    try {
      const summary = await read(options.store, upload.file, true);
      return page(
        c,
        <>
          <h2>Voorbeeld: dit wordt vastgelegd</h2>
          <Plan summary={summary} />
          <p>Er is nog niets opgeslagen.</p>
          <form method="post" action="/uitkomsten/bevestig">
            <CsrfField auth={c.get('auth')!} />
            <input type="hidden" name="upload" value={upload.token} />
            <button type="submit">Vastleggen</button>
          </form>
        </>,
      );
    } catch (error) {
      uploads.remove(upload);
      if (!(error instanceof EropafError)) throw error;
      return page(c, <><RefusedFile error={error} /><p>Er is niets vastgelegd.</p><UploadForm auth={c.get('auth')!} /></>, 422);
    }
  });

  app.post('/uitkomsten/bevestig', async (c) => {
    const form = await c.req.parseBody();
    const upload = uploads.take(form.upload, c.get('auth')!.session.idHash);
    if (upload === undefined) {
      return page(c, <><Notice kind="fout">Dit voorbeeld is verlopen (na een half uur, of al vastgelegd); er is niets vastgelegd. Kies het bestand opnieuw.</Notice><UploadForm auth={c.get('auth')!} /></>, 400);
    }
    try {
      const summary = await read(auditedStore(c, options, 'outcomes', { bestand: upload.name }), upload.file, false);
      return page(
        c,
        <>
          <Notice kind="ok">{`Vastgelegd uit ${upload.name}.`}</Notice>
          <Plan summary={summary} />
        </>,
      );
    } catch (error) {
      if (!(error instanceof EropafError)) throw error;
      return page(c, <><RefusedFile error={error} /><p>Er is niets vastgelegd.</p><UploadForm auth={c.get('auth')!} /></>, 422);
    } finally {
      uploads.remove(upload);
    }
  });
}
