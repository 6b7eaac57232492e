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
import { MAX_UPLOAD_BYTES, registerImport } from './pages/import.js';
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
import { RefusedFile } from './refusal.js';
import { securityHeaders } from './security.js';
import { guard, loadSession } from './session.js';
import { Uploads } from './uploads.js';

// The web app: the same use cases as the command line (src/app/), rendered as HTML on the
// server. Order matters: headers wrap everything, then one request at a time, then who is
// asking, then the guard (no page without a session, no POST without origin and token).

// The stylesheet ships with the package (public/), beside src/ and dist/ alike.
const STYLESHEET = fs.readFileSync(new URL('../../public/eropaf.css', import.meta.url), 'utf8');
const MAX_FORM_BYTES = 64 * 1024;
/** Where a list or a filled-in worklist is uploaded. */
const UPLOAD_PATHS = new Set(['/inlezen', '/uitkomsten']);

export function createApp(options: WebOptions): Hono<WebEnv> {
  // The decoy hash for unknown names is made now, so that the first such sign-in takes no longer.
  void decoyHash();
  const app = new Hono<WebEnv>();
  app.use('*', securityHeaders(options.secure));
  app.use('*', serialised());
  // A form is small; only an uploaded list may be large.
  const formLimit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => c.text('Het formulier is te groot.', 413) });
  const uploadLimit = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: (c) => c.text(`Het bestand is te groot (hoogstens ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`, 413) });
  app.use('*', (c, next) => (UPLOAD_PATHS.has(c.req.path) ? uploadLimit(c, next) : formLimit(c, next)));
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
  const uploads = options.uploads ?? new Uploads(options.clock);
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
