// The web app in-process (Hono's app.request, no socket) on a copy of the bundled lists:
// January and February 2022 imported, February triaged, a coordinator and a medewerker (Anna),
// and a clock the test moves. A small browser keeps cookies and the page's form token.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { addAccount } from '../../src/app/accounts.js';
import { triageMonth } from '../../src/app/triage-month.js';
import { createApp } from '../../src/web/app.js';
import { Jobs } from '../../src/web/jobs.js';
import { Uploads } from '../../src/web/uploads.js';
import { bundledStore, now, removeBundledStore, TODAY, type BundledStore } from '../app/bundled-store.js';
import { ROOT } from '../e2e/helpers.js';

export const PASSWORD = 'een lange wachtwoordzin';
export const START = '2022-06-30T10:00:00.000Z';

type App = ReturnType<typeof createApp>;

export interface WebFixture {
  bundled: BundledStore;
  uploads: Uploads;
  jobs: Jobs;
  app: App;
  /** Moves the app's clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** The job runner as the server runs it: compiled, each job in a worker thread of its own. */
export async function compiledJobs(): Promise<typeof Jobs> {
  const compiled = path.join(ROOT, 'dist', 'web', 'jobs.js');
  if (!fs.existsSync(compiled)) throw new Error('build first: npx tsc -p tsconfig.json');
  return ((await import(pathToFileURL(compiled).href)) as typeof import('../../src/web/jobs.js')).Jobs;
}

/** `workerThreads`: jobs run in worker threads (compiled), not in the test's own thread. */
export async function webFixture(prefix: string, options: { secure?: boolean; workerThreads?: boolean } = {}): Promise<WebFixture> {
  const bundled = await bundledStore(prefix, { anna: 10, bram: 5 });
  await triageMonth(bundled.store, { month: '2022-02', dryRun: false, today: TODAY, now });
  await addAccount(bundled.store, { name: 'coord', role: 'coordinator', password: PASSWORD, createdAt: now() });
  await addAccount(bundled.store, { name: 'anna', role: 'medewerker', worker: 'Anna de Vries', password: PASSWORD, createdAt: now() });
  let time = Date.parse(START);
  const clock = (): Date => new Date(time);
  const uploads = new Uploads(clock);
  const jobs = options.workerThreads === true ? new (await compiledJobs())(clock) : new Jobs(clock);
  const background = { jobs, database: bundled.file, busyTimeoutMs: 5_000 };
  const app = createApp({ store: bundled.store, clock, secure: options.secure ?? false, behindProxy: false, osUser: 'test', uploads, background });
  return {
    bundled,
    uploads,
    jobs,
    app,
    advance: (ms) => (time += ms),
    close: async () => {
      await jobs.dispose();
      uploads.dispose();
      removeBundledStore(bundled);
    },
  };
}

/** What a same-origin form post from a browser carries. */
export const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };

export class Browser {
  readonly cookies = new Map<string, string>();
  /** The form token of the last HTML page. */
  csrf: string | undefined;
  lastSetCookies: string[] = [];

  constructor(private readonly app: App) {}

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  private async keep(response: Response): Promise<Response> {
    this.lastSetCookies = response.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
      const text = await response.clone().text();
      const token = /name="_csrf" value="([^"]+)"/.exec(text);
      if (token !== null) this.csrf = token[1];
    }
    return response;
  }

  /**
   * Follows a response as a browser does: a redirect (303) to its page, and a page that reloads
   * itself (a running import) until it no longer does.
   */
  async follow(response: Response, pauseMs = 20): Promise<Response> {
    let current = response;
    for (let reloads = 0; ; reloads++) {
      const location = current.headers.get('location');
      if (current.status === 303 && location !== null) {
        current = await this.get(location);
        continue;
      }
      const html = (current.headers.get('content-type') ?? '').startsWith('text/html') ? await current.clone().text() : '';
      if (!html.includes('http-equiv="refresh"')) return current;
      if (reloads > 3_000) throw new Error('the page went on reloading itself');
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      current = await this.get(this.lastPath!);
    }
  }

  /** The path of the last page opened with `get`. */
  lastPath: string | undefined;

  async get(path: string): Promise<Response> {
    this.lastPath = path;
    return this.keep(await this.app.request(path, { headers: this.cookieHeader() }));
  }

  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = SAME_ORIGIN): Promise<Response> {
    return this.keep(
      await this.app.request(path, {
        method: 'POST',
        headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** A multipart form post (a file upload) with the page's token. */
  async upload(path: string, fields: Record<string, string | Blob | { name: string; data: Uint8Array }>): Promise<Response> {
    const form = new FormData();
    form.set('_csrf', this.csrf!);
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === 'string' || value instanceof Blob) form.set(name, value);
      // A copy: Blob takes bytes over an ArrayBuffer only, a Buffer's may be shared.
      else form.set(name, new Blob([new Uint8Array(value.data)]), value.name);
    }
    return this.keep(await this.app.request(path, { method: 'POST', headers: { ...this.cookieHeader(), ...SAME_ORIGIN }, body: form }));
  }

  /** Opens the login page and signs in; returns the response to the POST. */
  async login(name: string, password: string): Promise<Response> {
    await this.get('/inloggen');
    return this.post('/inloggen', { _csrf: this.csrf!, gebruikersnaam: name, wachtwoord: password });
  }

  /** A signed-in page's POST with its token. */
  async submit(path: string, fields: Record<string, string>): Promise<Response> {
    return this.post(path, { _csrf: this.csrf!, ...fields });
  }
}

export async function signedIn(app: App, name: string): Promise<Browser> {
  const browser = new Browser(app);
  const response = await browser.login(name, PASSWORD);
  if (response.status !== 303) throw new Error(`login of ${name} failed: ${response.status}`);
  await browser.get('/');
  return browser;
}

/** A copy of the fixture's database as it is now (private, like the original), for the command line to work on. */
export function copyDatabase(web: WebFixture, name: string): string {
  const copy = path.join(web.bundled.dir, name);
  const db = new Database(web.bundled.file, { readonly: true });
  try {
    db.exec(`VACUUM INTO '${copy}'`);
  } finally {
    db.close();
  }
  fs.chmodSync(copy, 0o600);
  return copy;
}

/**
 * The fixture's store in an app on the real clock: for comparing with the command line, whose
 * "today" (contact terms, proposals) is the real one.
 */
export function onRealClock(web: WebFixture): App {
  return createApp({
    store: web.bundled.store,
    clock: () => new Date(),
    secure: false,
    behindProxy: false,
    osUser: 'test',
    uploads: web.uploads,
    background: { jobs: web.jobs, database: web.bundled.file, busyTimeoutMs: 5_000 },
  });
}
