import type { EropafError } from '../core/errors.js';
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

/** A request that cannot be one of this app's own (a hand-made address or form): 400, as a page. */
export function badRequest(c: WebContext, message: string) {
  return c.html(
    <Page title="Dat lukte niet" auth={c.get('auth') ?? null}>
      <Notice kind="fout">{message}</Notice>
      <p>
        <a href="/">Naar het overzicht</a>
      </p>
    </Page>,
    400,
  );
}

/** A refused file or request: the command line's message, every problem (line, column, masked value) and the hint. */
export function RefusedFile(props: { error: EropafError }) {
  const { error } = props;
  return (
    <>
      <Notice kind="fout">{error.message}</Notice>
      {error.details.length > 0 && (
        <ul class="problems">
          {error.details.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      )}
      {error.hint !== undefined && <p>{`Tip: ${error.hint}`}</p>}
    </>
  );
}
