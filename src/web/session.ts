import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { resumeSession } from '../app/sessions.js';
import type { WebEnv, WebOptions } from './env.js';
import { UPLOAD_PATHS } from './receive-upload.js';
import { forbidden } from './refusal.js';
import { FORM_EXPIRED, isSameOrigin, sameToken } from './security.js';

// Who is asking, decided on every request from the session cookie; and the rules that follow:
// no page without a session, no POST without this origin and the session's token.

export const SESSION_COOKIE = 'eropaf_sessie';

/** Paths anyone may open: the login page and the stylesheet it needs. */
const PUBLIC = new Set(['/inloggen', '/static/eropaf.css']);

export function loadSession(options: WebOptions): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    // The stylesheet is public, and fetching it must not count as activity in a session.
    if (c.req.path.startsWith('/static/')) {
      c.set('auth', null);
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    c.set('auth', token === undefined ? null : await resumeSession(options.store, token, options.clock()));
    await next();
  };
}

export function guard(options: WebOptions): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    const path = c.req.path;
    if (c.req.method === 'POST') {
      if (!isSameOrigin(c, options.behindProxy)) return forbidden(c, 'Dit verzoek komt niet van een pagina van eropaf; er is niets gewijzigd.');
      if (path !== '/inloggen') {
        if (auth === null) return forbidden(c, 'Log eerst in; er is niets gewijzigd.');
        // An upload's token is checked as it arrives, before its file is written (receive-upload.ts).
        if (!UPLOAD_PATHS.has(path)) {
          const form = await c.req.parseBody();
          if (!sameToken(form._csrf, auth.session.csrfToken)) return forbidden(c, FORM_EXPIRED);
        }
      }
    } else if (auth === null && !PUBLIC.has(path)) {
      return c.redirect('/inloggen', 303);
    }
    await next();
  };
}

/** Only the coordinator: others get 403. */
export function coordinatorOnly(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (c.get('auth')?.account.role !== 'coordinator') return forbidden(c, 'Deze pagina is alleen voor de coördinator.');
    await next();
  };
}
