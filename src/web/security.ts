import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { SECURITY_HEADERS } from '../http/security-headers.js';

// What every response and every POST must satisfy, whatever the route: the headers, and proof
// that a POST comes from one of this app's own pages.

/** A POST whose form token is not the session's (an old page, or a forged form). */
export const FORM_EXPIRED = 'Het formulier is verlopen; er is niets gewijzigd. Laad de pagina opnieuw en probeer het nog eens.';

export function securityHeaders(secure: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    if (secure) c.res.headers.set('Strict-Transport-Security', 'max-age=31536000');
  };
}

/**
 * Whether a POST comes from a page of this origin. Browsers say so in Sec-Fetch-Site; one that
 * does not sends Origin, which must then name this host. (With Referrer-Policy no-referrer a
 * browser may send "Origin: null", which is refused unless Sec-Fetch-Site vouches.) A request
 * with neither header is refused: every browser that can run this app sends one.
 */
export function isSameOrigin(c: Context, behindProxy: boolean): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return false;
  const host = (behindProxy ? c.req.header('x-forwarded-host') : undefined) ?? c.req.header('host');
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
