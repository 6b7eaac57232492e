import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Auth } from './env.js';

// The frame of every page: language, stylesheet, a skip link, the navigation for the role, the
// search box, and the "Uitloggen" button (both a POST with the session's token).

interface NavItem {
  href: string;
  label: string;
  coordinatorOnly: boolean;
}

const NAV: readonly NavItem[] = [
  { href: '/', label: 'Overzicht', coordinatorOnly: false },
  { href: '/werklijst', label: 'Werklijst', coordinatorOnly: false },
  { href: '/huisbezoeken', label: 'Huisbezoeken', coordinatorOnly: false },
  { href: '/inlezen', label: 'Lijst inlezen', coordinatorOnly: true },
  { href: '/triage', label: 'Triage', coordinatorOnly: true },
  { href: '/tabel', label: 'Verantwoording', coordinatorOnly: true },
  { href: '/cijfers', label: 'Cijfers', coordinatorOnly: true },
  { href: '/levering', label: 'DDAS-levering', coordinatorOnly: true },
  { href: '/beheer/gebruikers', label: 'Beheer', coordinatorOnly: true },
];

export function Page(props: { title: string; auth: Auth | null; current?: string; refreshSeconds?: number; children?: Child }) {
  const { auth } = props;
  return (
    <>
    {raw('<!DOCTYPE html>')}
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* A page that follows work in progress reloads itself: no script needed. */}
        {props.refreshSeconds !== undefined && <meta http-equiv="refresh" content={String(props.refreshSeconds)} />}
        <title>{`${props.title} · eropaf`}</title>
        <link rel="stylesheet" href="/static/eropaf.css" />
      </head>
      <body>
        <a class="skip" href="#inhoud">
          Naar de inhoud
        </a>
        <header class="top">
          <span class="brand">eropaf</span>
          {auth !== null && (
            <nav aria-label="Hoofdmenu">
              <ul>
                {NAV.filter((item) => !item.coordinatorOnly || auth.account.role === 'coordinator').map((item) => (
                  <li>
                    <a href={item.href} aria-current={props.current === item.href ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {auth !== null && (
            // A POST, so that what was typed (a name, a phone number) stays out of URLs and logs.
            <form method="post" action="/zoeken" class="search" role="search" aria-label="Zoek een huishouden">
              <CsrfField auth={auth} />
              <label for="zoek-kop">Zoeken</label>
              <input id="zoek-kop" name="zoek" type="search" autocomplete="off" />
              <button type="submit">Zoek</button>
            </form>
          )}
          {auth !== null && (
            <form method="post" action="/uitloggen" class="logout">
              <span class="who">
                {auth.account.name} ({auth.account.role})
              </span>
              <input type="hidden" name="_csrf" value={auth.session.csrfToken} />
              <button type="submit">Uitloggen</button>
            </form>
          )}
        </header>
        <main id="inhoud" tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
    </>
  );
}

/** The hidden field every form of a signed-in page carries. */
export function CsrfField(props: { auth: Auth }) {
  return <input type="hidden" name="_csrf" value={props.auth.session.csrfToken} />;
}

/** A message at the top of a page; errors are announced to screen readers at once. */
export function Notice(props: { kind: 'fout' | 'ok' | 'let-op'; children?: Child }) {
  return (
    <div class={`notice ${props.kind}`} role={props.kind === 'fout' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}
