import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { signIn, signOut } from '../../app/sessions.js';
import { SESSION_MAX_MS } from '../../core/accounts.js';
import { auditedStore, type WebEnv, type WebOptions } from '../env.js';
import { Notice, Page } from '../layout.js';
import { forbidden } from '../refusal.js';
import { sameToken } from '../security.js';
import { SESSION_COOKIE } from '../session.js';

// Signing in and out. Before there is a session, the login form is protected by a token that is
// both in a cookie of its own and in the form (a forged form from another site has neither).

const LOGIN_COOKIE = 'eropaf_inlog';
const REFUSED =
  'Inloggen is niet gelukt. De gebruikersnaam of het wachtwoord klopt niet, of het account is (tijdelijk) geblokkeerd: na vijf foute wachtwoorden moet u een kwartier wachten.';

function LoginPage(props: { token: string; error: boolean; name: string }) {
  return (
    <Page title="Inloggen" auth={null}>
      {props.error && <Notice kind="fout">{REFUSED}</Notice>}
      <form method="post" action="/inloggen" class="login">
        <input type="hidden" name="_csrf" value={props.token} />
        <p class="field">
          <label for="gebruikersnaam">Gebruikersnaam</label>
          <input id="gebruikersnaam" name="gebruikersnaam" type="text" autocomplete="username" required value={props.name} autofocus />
        </p>
        <p class="field">
          <label for="wachtwoord">Wachtwoord</label>
          <input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required />
        </p>
        <button type="submit">Inloggen</button>
      </form>
    </Page>
  );
}

export function registerLogin(app: Hono<WebEnv>, options: WebOptions): void {
  const cookieOptions = { httpOnly: true, sameSite: 'Strict', secure: options.secure, path: '/' } as const;

  app.get('/inloggen', (c) => {
    if (c.get('auth') !== null) return c.redirect('/', 303);
    // One token per browser, reused while it lasts: a second tab (or the browser fetching its
    // favicon through this page) must not invalidate the form already shown.
    const existing = getCookie(c, LOGIN_COOKIE);
    const token = existing !== undefined && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomBytes(32).toString('base64url');
    setCookie(c, LOGIN_COOKIE, token, { ...cookieOptions, maxAge: 3600 });
    return c.html(<LoginPage token={token} error={false} name="" />);
  });

  app.post('/inloggen', async (c) => {
    const form = await c.req.parseBody();
    const expected = getCookie(c, LOGIN_COOKIE);
    if (expected === undefined || !sameToken(form._csrf, expected)) return forbidden(c, 'Het inlogformulier is verlopen. Laad de pagina opnieuw en log in.');
    const name = typeof form.gebruikersnaam === 'string' ? form.gebruikersnaam : '';
    const password = typeof form.wachtwoord === 'string' ? form.wachtwoord : '';
    const signedIn = await signIn(options.store, { name, password, now: options.clock() }, (account) =>
      options.store.withAudit({ at: options.clock().toISOString(), osUser: options.osUser, account, command: 'web inloggen', options: {} }),
    );
    if (signedIn === null) {
      // The name is shown again (the person typed it); the password never is.
      return c.html(<LoginPage token={expected} error={true} name={name.slice(0, 40)} />, 401);
    }
    deleteCookie(c, LOGIN_COOKIE, cookieOptions);
    setCookie(c, SESSION_COOKIE, signedIn.token, { ...cookieOptions, maxAge: SESSION_MAX_MS / 1000 });
    return c.redirect('/', 303);
  });

  app.post('/uitloggen', async (c) => {
    const auth = c.get('auth')!;
    await signOut(auditedStore(c, options, 'uitloggen'), auth.session);
    deleteCookie(c, SESSION_COOKIE, cookieOptions);
    return c.redirect('/inloggen', 303);
  });
}
