// The web app's protections, on every request and decided by the server: anonymous requests
// refused, forged posts refused, roles, lock-out, session expiry with an injected clock,
// security headers and cookie flags.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccountActive } from '../../src/app/accounts.js';
import { queryFile } from '../app/bundled-store.js';
import { Browser, PASSWORD, SAME_ORIGIN, signedIn, webFixture, type WebFixture } from './web-app.js';

let web: WebFixture;
/** An attempt on a melding that was picked (follow-up is recorded on picked meldingen only). */
const attempt = { melding: '', soort: 'telefoon', datum: '2022-06-30', tijd: '10:00', bereikt: 'ja', notitie: '' };
beforeAll(async () => {
  web = await webFixture('eropaf-web-security-');
  const [picked] = queryFile<{ ref: string }>(
    web.bundled.file,
    "SELECT m.month || '-' || printf('%03d', m.seq) AS ref FROM meldingen m JOIN decisions d ON d.melding_id = m.id WHERE d.kind IN ('altijd', 'capaciteit') ORDER BY m.month, m.seq LIMIT 1",
  );
  attempt.melding = picked!.ref;
});
afterAll(() => web.close());

const PAGES = ['/', '/beheer/opschonen', '/uitkomsten', '/cijfers', '/werklijst.csv?maand=2022-02', '/beheer/gebruikers', '/beheer/logboek', '/inlezen', '/triage', '/triage?maand=2022-01', '/werklijst', '/werklijst?maand=2022-02&medewerker=alle', '/melding/2022-02-001', '/tabel?van=2022-01&tot=2022-06', '/tabel.csv?van=2022-01&tot=2022-06', '/tabel.md', '/bestaat-niet'];
const POSTS = ['/beheer/opschonen', '/uitkomsten', '/uitkomsten/bevestig', '/beheer/gebruikers', '/beheer/instellingen', '/werklijst/poging', '/werklijst/resultaat', '/triage', '/inlezen', '/inlezen/bevestig', '/uitloggen', '/bestaat-niet'];
const MINUTE = 60_000;
const REFUSED = 'Inloggen is niet gelukt.';

const contactCount = (): number => queryFile<{ n: number }>(web.bundled.file, 'SELECT count(*) AS n FROM contacts')[0]!.n;
const sessionCount = (): number => queryFile<{ n: number }>(web.bundled.file, 'SELECT count(*) AS n FROM sessions')[0]!.n;

describe('anonymous requests', () => {
  it.each(PAGES)('GET %s is sent to the login page, without content', async (path) => {
    const response = await new Browser(web.app).get(path);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/inloggen');
    expect(await response.text()).toBe('');
  });

  it.each(POSTS)('POST %s is refused with 403, also with a same-origin header', async (path) => {
    const response = await new Browser(web.app).post(path, { ...attempt, _csrf: 'x'.repeat(43) });
    expect(response.status).toBe(403);
    expect(contactCount()).toBe(0);
  });

  it('may open the login page and its stylesheet only', async () => {
    const browser = new Browser(web.app);
    const login = await browser.get('/inloggen');
    expect(login.status).toBe(200);
    const html = await login.text();
    expect(html).toMatch(/<label for="gebruikersnaam">Gebruikersnaam<\/label>/);
    expect(html).toMatch(/<label for="wachtwoord">Wachtwoord<\/label>/);
    expect(html).toMatch(/<button type="submit">Inloggen<\/button>/);
    expect((await browser.get('/static/eropaf.css')).headers.get('content-type')).toContain('text/css');
  });
});

describe('headers', () => {
  it('are on every response: pages, redirects, refusals, errors, downloads and the stylesheet', async () => {
    const coord = await signedIn(web.app, 'coord');
    const anna = await signedIn(web.app, 'anna');
    const responses = [
      await new Browser(web.app).get('/'),
      await new Browser(web.app).get('/inloggen'),
      await new Browser(web.app).post('/werklijst/poging', attempt),
      await coord.get('/'),
      await coord.get('/bestaat-niet'),
      await coord.get('/tabel.csv?van=2022-01&tot=2022-06'),
      await coord.get('/static/eropaf.css'),
      await anna.get('/tabel'),
    ];
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; frame-ancestors 'none'/);
      expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('pages have no inline script or style', async () => {
    const coord = await signedIn(web.app, 'coord');
    for (const path of ['/', '/werklijst?maand=2022-02&medewerker=alle', '/melding/2022-02-001', '/tabel?van=2022-01&tot=2022-06', '/triage?maand=2022-01', '/inlezen', '/beheer/gebruikers', '/beheer/medewerkers', '/beheer/instellingen', '/beheer/logboek', '/cijfers', '/uitkomsten', '/beheer/opschonen']) {
      const html = await (await coord.follow(await coord.get(path))).text();
      expect(html).not.toMatch(/<script|\sstyle=|<style|\son[a-z]+=/i);
    }
  });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie, Secure only over TLS', async () => {
    const browser = new Browser(web.app);
    expect((await browser.login('coord', PASSWORD)).status).toBe(303);
    const cookie = browser.lastSetCookies.find((c) => c.startsWith('eropaf_sessie='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const tls = await webFixture('eropaf-web-tls-', { secure: true });
    try {
      const overTls = new Browser(tls.app);
      await overTls.login('coord', PASSWORD);
      expect(overTls.lastSetCookies.find((c) => c.startsWith('eropaf_sessie='))).toMatch(/Secure/);
    } finally {
      tls.close();
    }
  });

  it('stores only a hash of the cookie', async () => {
    const browser = new Browser(web.app);
    await browser.login('coord', PASSWORD);
    const token = browser.cookies.get('eropaf_sessie')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify(queryFile(web.bundled.file, 'SELECT * FROM sessions'));
    expect(stored).not.toContain(token);
  });

  it('gives one message for an unknown name and a wrong password', async () => {
    const unknown = await new Browser(web.app).login('niemand', PASSWORD);
    const wrong = await new Browser(web.app).login('coord', 'niet het goede wachtwoord');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const a = await unknown.text();
    const b = await wrong.text();
    expect(a).toContain(REFUSED);
    expect(a.replace(/value="[^"]*"/g, '')).toBe(b.replace(/value="[^"]*"/g, ''));
    expect(b).not.toContain('niet het goede wachtwoord');
  });

  it('refuses a login post without the login form token, or from another site', async () => {
    const browser = new Browser(web.app);
    await browser.get('/inloggen');
    const token = browser.csrf!;
    expect((await browser.post('/inloggen', { gebruikersnaam: 'coord', wachtwoord: PASSWORD })).status).toBe(403);
    expect((await browser.post('/inloggen', { _csrf: token, gebruikersnaam: 'coord', wachtwoord: PASSWORD }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await browser.post('/inloggen', { _csrf: token, gebruikersnaam: 'coord', wachtwoord: PASSWORD }, { origin: 'https://elders.example', host: 'localhost' })).status).toBe(403);
    const fresh = new Browser(web.app);
    expect((await fresh.post('/inloggen', { _csrf: token, gebruikersnaam: 'coord', wachtwoord: PASSWORD })).status).toBe(403);
    // A browser without Sec-Fetch-Site whose Origin names this host is let through.
    expect((await browser.post('/inloggen', { _csrf: token, gebruikersnaam: 'coord', wachtwoord: PASSWORD }, { origin: 'http://localhost:8080', host: 'localhost:8080' })).status).toBe(303);
  });
});

describe('posts of a signed-in browser', () => {
  it('are refused without the session token, with another token, cross-site, or without any origin header', async () => {
    const anna = await signedIn(web.app, 'anna');
    const other = await signedIn(web.app, 'coord');
    await anna.get('/werklijst');
    expect((await anna.post('/werklijst/poging', attempt)).status).toBe(403);
    expect((await anna.post('/werklijst/poging', { ...attempt, _csrf: other.csrf! })).status).toBe(403);
    expect((await anna.post('/werklijst/poging', { ...attempt, _csrf: anna.csrf! }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await anna.post('/werklijst/poging', { ...attempt, _csrf: anna.csrf! }, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await anna.post('/werklijst/poging', { ...attempt, _csrf: anna.csrf! }, {})).status).toBe(403);
    expect((await anna.post('/werklijst/poging', { ...attempt, _csrf: anna.csrf! }, { origin: 'null' })).status).toBe(403);
    expect(contactCount()).toBe(0);
    expect((await anna.post('/werklijst/poging', { ...attempt, _csrf: anna.csrf! }, SAME_ORIGIN)).status).toBe(303);
    expect(contactCount()).toBe(1);
  });
});

describe('size limits', () => {
  it('refuse a form larger than 64 KB before reading it, and store nothing', async () => {
    const anna = await signedIn(web.app, 'anna');
    const before = contactCount();
    const response = await anna.submit('/werklijst/poging', { ...attempt, notitie: 'x'.repeat(100 * 1024) });
    expect(response.status).toBe(413);
    expect(contactCount()).toBe(before);
  });
});

describe('roles', () => {
  it('a medewerker gets 403 on the coordinator pages; the coordinator gets them', async () => {
    const anna = await signedIn(web.app, 'anna');
    const coord = await signedIn(web.app, 'coord');
    for (const path of ['/tabel', '/tabel?van=2022-01&tot=2022-06', '/tabel.csv?van=2022-01&tot=2022-06', '/tabel.md?van=2022-01&tot=2022-06', '/cijfers', '/cijfers.csv']) {
      expect((await anna.get(path)).status).toBe(403);
      expect((await coord.get(path)).status).toBe(200);
    }
    expect(await (await anna.get('/')).text()).not.toContain('href="/tabel"');
  });

  it('a medewerker opens the overview, the worklists and melding pages', async () => {
    const anna = await signedIn(web.app, 'anna');
    for (const path of ['/', '/werklijst', '/werklijst?maand=2022-02&medewerker=alle', '/melding/2022-02-001']) {
      expect((await anna.get(path)).status).toBe(200);
    }
  });
});

describe('lock-out', () => {
  it('locks an account for 15 minutes after 5 wrong passwords, with the same message', async () => {
    const lock = await webFixture('eropaf-web-lock-');
    try {
      for (let i = 0; i < 5; i++) expect((await new Browser(lock.app).login('anna', `fout wachtwoord ${i}!!`)).status).toBe(401);
      const locked = await new Browser(lock.app).login('anna', PASSWORD);
      expect(locked.status).toBe(401);
      expect(await locked.text()).toContain(REFUSED);
      lock.advance(14 * MINUTE);
      expect((await new Browser(lock.app).login('anna', PASSWORD)).status).toBe(401);
      lock.advance(1 * MINUTE + 1000);
      expect((await new Browser(lock.app).login('anna', PASSWORD)).status).toBe(303);
      // Other accounts were never locked.
      expect((await new Browser(lock.app).login('coord', PASSWORD)).status).toBe(303);
      const audit = queryFile<{ account: string; counts: string }>(lock.bundled.file, "SELECT account, counts FROM audit WHERE command = 'web inloggen' ORDER BY id");
      expect(audit.filter((a) => JSON.parse(a.counts).geblokkeerd === 1)).toEqual([{ account: 'anna', counts: JSON.stringify({ mislukt: 1, geblokkeerd: 1 }) }]);
    } finally {
      lock.close();
    }
  }, 60_000);

  it('counts only wrong passwords within the last 15 minutes, and a good one starts again', async () => {
    const lock = await webFixture('eropaf-web-lock2-');
    try {
      const wrong = async (times: number): Promise<void> => {
        for (let i = 0; i < times; i++) expect((await new Browser(lock.app).login('anna', 'fout fout fout fout')).status).toBe(401);
      };
      // 4 + 4 wrong with a good sign-in between: never 5 in a row.
      await wrong(4);
      expect((await new Browser(lock.app).login('anna', PASSWORD)).status).toBe(303);
      await wrong(4);
      expect((await new Browser(lock.app).login('anna', PASSWORD)).status).toBe(303);
      // 4 + 4 wrong more than 15 minutes apart: never 5 within the lock-out time.
      await wrong(4);
      lock.advance(16 * MINUTE);
      await wrong(4);
      expect((await new Browser(lock.app).login('anna', PASSWORD)).status).toBe(303);
    } finally {
      lock.close();
    }
  }, 60_000);
});

describe('sessions', () => {
  it('end after 30 idle minutes (injected clock), and each request renews the idle time', async () => {
    const anna = await signedIn(web.app, 'anna');
    web.advance(29 * MINUTE);
    expect((await anna.get('/')).status).toBe(200);
    web.advance(29 * MINUTE);
    expect((await anna.get('/')).status).toBe(200);
    const before = sessionCount();
    web.advance(30 * MINUTE);
    const expired = await anna.get('/');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('/inloggen');
    expect(sessionCount()).toBe(before - 1);
  });

  it('that ended are removed from the database when someone signs in', async () => {
    await signedIn(web.app, 'anna');
    const hashes = (): string[] => queryFile<{ id_hash: string }>(web.bundled.file, 'SELECT id_hash FROM sessions').map((r) => r.id_hash);
    const before = hashes();
    web.advance(31 * MINUTE);
    await signedIn(web.app, 'coord');
    const after = hashes();
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
  });

  it('end after 12 hours however active', async () => {
    const anna = await signedIn(web.app, 'anna');
    for (let i = 0; i < 28; i++) {
      web.advance(25 * MINUTE);
      expect((await anna.get('/')).status).toBe(200);
    }
    web.advance(25 * MINUTE);
    expect((await anna.get('/')).status).toBe(303);
  });

  it('follow the idle-time setting', async () => {
    await web.bundled.store.transaction(() => web.bundled.store.setSetting('web.sessie-minuten', '5'));
    try {
      const anna = await signedIn(web.app, 'anna');
      web.advance(5 * MINUTE);
      expect((await anna.get('/')).status).toBe(303);
    } finally {
      await web.bundled.store.transaction(() => web.bundled.store.setSetting('web.sessie-minuten', '30'));
    }
  });

  it('end at logout: the old cookie opens nothing any more', async () => {
    const anna = await signedIn(web.app, 'anna');
    const cookie = anna.cookies.get('eropaf_sessie')!;
    const out = await anna.submit('/uitloggen', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/inloggen');
    expect(anna.cookies.has('eropaf_sessie')).toBe(false);
    const replay = await web.app.request('/', { headers: { cookie: `eropaf_sessie=${cookie}` } });
    expect(replay.status).toBe(303);
  });

  it('end when the account is deactivated', async () => {
    const anna = await signedIn(web.app, 'anna');
    await setAccountActive(web.bundled.store, 'anna', false);
    try {
      expect((await anna.get('/')).status).toBe(303);
      expect((await new Browser(web.app).login('anna', PASSWORD)).status).toBe(401);
    } finally {
      await setAccountActive(web.bundled.store, 'anna', true);
    }
  });
});

describe('a fault in eropaf itself', () => {
  it('gives a page without details, and the server output names the route and the kind of error only', async () => {
    const { createApp } = await import('../../src/web/app.js');
    const faults: string[] = [];
    const store: typeof web.bundled.store = new Proxy(web.bundled.store, {
      get(target, key, receiver) {
        if (key === 'meldingDetail') return () => Promise.reject(new TypeError('kapot bij 123456782 Jansen'));
        if (key === 'withAudit') return () => store;
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const app = createApp({ store, clock: () => new Date('2022-06-30T10:00:00Z'), secure: false, behindProxy: false, osUser: 'test', reportFault: (line) => faults.push(line) });
    const anna = await signedIn(app, 'anna');
    const response = await anna.get('/melding/2022-02-001');
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('Er ging iets mis in eropaf zelf');
    expect(html).not.toContain('123456782');
    expect(html).not.toContain('Jansen');
    expect(faults).toEqual(['fout in eropaf bij GET /melding/:ref (TypeError) om 2022-06-30T10:00:00.000Z']);
  });
});
