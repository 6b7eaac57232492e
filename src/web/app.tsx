import fs from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { decoyHash } from '../app/passwords.js';
import { EropafError } from '../core/errors.js';
import type { WebEnv, WebOptions } from './env.js';
import { Notice, Page } from './layout.js';
import { registerAdmin } from './pages/admin.js';
import { registerDdas } from './pages/ddas.js';
import { registerFigures } from './pages/figures.js';
import { registerImport } from './pages/import.js';
import { registerLogin } from './pages/login.js';
import { registerMelding } from './pages/melding.js';
import { registerMeldingCorrections } from './pages/melding-corrections.js';
import { registerOutcomes } from './pages/outcomes.js';
import { registerOverview } from './pages/overview.js';
import { registerPurge } from './pages/purge.js';
import { registerSearch } from './pages/search.js';
import { registerTable } from './pages/table.js';
import { registerTriage } from './pages/triage.js';
import { registerVisits } from './pages/visits.js';
import { registerWorklist } from './pages/worklist.js';
import { serialised } from '../http/queue.js';
import { UPLOAD_PATHS } from './receive-upload.js';
import { RefusedFile } from './refusal.js';
import { securityHeaders } from './security.js';
import { guard, loadSession } from './session.js';
import { Uploads } from './uploads.js';

// The web app: the same use cases as the command line (src/app/), rendered as HTML on the
// server. Order matters: headers wrap everything, then one request at a time, then who is
// asking, then the guard (no page without a session, no POST without origin and token).

// The stylesheet ships with the package in src/web/; tsc copies no CSS, so the compiled app in
// dist/web/ reads it from there too (both are two folders below the package root).
const STYLESHEET = fs.readFileSync(new URL('../../src/web/eropaf.css', import.meta.url), 'utf8');
const MAX_FORM_BYTES = 64 * 1024;

export function createApp(options: WebOptions): Hono<WebEnv> {
  // The decoy hash for unknown names is made now, so that the first such sign-in takes no longer.
  void decoyHash();
  const app = new Hono<WebEnv>();
  app.use('*', securityHeaders(options.secure));
  app.use('*', serialised());
  // A form is small; an uploaded file is streamed to disk with a limit of its own (receive-upload.ts).
  const formLimit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => c.text('Het formulier is te groot.', 413) });
  app.use('*', (c, next) => (UPLOAD_PATHS.has(c.req.path) ? next() : formLimit(c, next)));
  // Uploads and finished jobs nobody came back for are removed on the next request.
  const uploads = options.uploads ?? new Uploads(options.clock);
  app.use('*', async (_c, next) => {
    uploads.sweep();
    options.background?.jobs.sweep();
    await next();
  });
  app.use('*', loadSession(options));
  app.use('*', guard(options));

  app.get('/static/eropaf.css', (c) => c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  registerLogin(app, options);
  registerOverview(app, options);
  registerWorklist(app, options);
  registerVisits(app, options);
  registerMelding(app, options);
  registerMeldingCorrections(app, options);
  registerSearch(app, options);
  registerTable(app, options);
  registerTriage(app, options);
  registerImport(app, options, uploads);
  registerOutcomes(app, options, uploads);
  registerFigures(app, options);
  registerDdas(app, options);
  registerAdmin(app, options);
  registerPurge(app, options);

  app.notFound((c) =>
    c.html(
      <Page title="Niet gevonden" auth={c.get('auth') ?? null}>
        <p>Deze pagina bestaat niet. Ga terug naar het <a href="/">overzicht</a>.</p>
      </Page>,
      404,
    ),
  );
  // A domain error's message names no personal data (src/core/errors.ts) and says what to do;
  // anything else is a fault of eropaf itself and shows no details at all.
  app.onError((error, c) => {
    const known = error instanceof EropafError;
    // The route's pattern and the error's kind only: a message could quote data.
    if (!known) options.reportFault?.(`fout in eropaf bij ${c.req.method} ${c.req.routePath} (${error.name}) om ${options.clock().toISOString()}`);
    return c.html(
      <Page title={known ? 'Dat lukte niet' : 'Er ging iets mis'} auth={c.get('auth') ?? null}>
        {known ? (
          <RefusedFile error={error} />
        ) : (
          <Notice kind="fout">Er ging iets mis in eropaf zelf; er is niets opgeslagen. Meld dit bij de beheerder, met het tijdstip.</Notice>
        )}
        <p>
          <a href="/">Terug naar het overzicht</a>
        </p>
      </Page>,
      known ? 400 : 500,
    );
  });
  return app;
}
