import type { WebContext } from './env.js';
import { Notice, Page } from './layout.js';

/** A 403 as a page of its own: what was refused and what to do, no details of the request. */
export function forbidden(c: WebContext, message: string) {
  return c.html(
    <Page title="Geen toegang" auth={c.get('auth') ?? null}>
      <Notice kind="fout">{message}</Notice>
      <p>
        <a href={c.get('auth') ? '/' : '/inloggen'}>{c.get('auth') ? 'Naar het overzicht' : 'Naar inloggen'}</a>
      </p>
    </Page>,
    403,
  );
}
