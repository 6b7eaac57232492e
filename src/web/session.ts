import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { resumeSession } from '../app/sessions.js';
import type { WebEnv, WebOptions } from './env.js';
import { isSameOrigin, sameToken } from './security.js';

// Who is asking, decided on every request from the session cookie; and the rules that follow:
// no page without a session, no POST without this origin and the session's token.

export const SESSION_COOKIE = 'eropaf_sessie';

/** Paths anyone may open: the login page and the stylesheet it needs. */
const PUBLIC = new Set(['/inloggen', '/static/eropaf.css']);

export function loadSession(options: WebOptions): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
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
      if (!isSameOrigin(c, options.behindProxy)) return c.text('Verboden: dit verzoek komt niet van een pagina van eropaf.', 403);
      if (path !== '/inloggen') {
        if (auth === null) return c.text('Verboden: log eerst in.', 403);
        const form = await c.req.parseBody();
        if (!sameToken(form._csrf, auth.session.csrfToken)) return c.text('Verboden: het formulier is verlopen. Laad de pagina opnieuw.', 403);
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
    if (c.get('auth')?.account.role !== 'coordinator') return c.text('Verboden: deze pagina is alleen voor de coördinator.', 403);
    await next();
  };
}
