// Lijst inlezen off the request path: the preview and the import run as jobs (jobs.ts)
// whose page reloads itself until the summary is there; other pages are answered meanwhile; the
// upload waits in a private file and is gone afterwards; an error of the job shows on its page.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvLines, DUTCH_EXCEL } from '../../src/synthetic/dialect.js';
import { NATION, signalRows } from '../../src/synthetic/lists.js';
import { Uploads } from '../../src/web/uploads.js';
import { queryFile } from '../app/bundled-store.js';
import { compiledJobs, signedIn, webFixture, type Browser, type WebFixture } from './web-app.js';

/** Big enough that the preview and the import take a while, small enough for a test. */
const ROWS = 15_000;

let web: WebFixture;
let coord: Browser;
let anna: Browser;
let list: Buffer;
beforeAll(async () => {
  web = await webFixture('eropaf-web-jobs-');
  coord = await signedIn(web.app, 'coord');
  anna = await signedIn(web.app, 'anna');
  list = Buffer.from([...csvLines(signalRows({ seed: 11, startMonth: '2022-03', months: 1, maxRows: ROWS, ...NATION }), DUTCH_EXCEL)].join(''), 'latin1');
}, 60_000);
afterAll(() => web.close());

/** The page's text as a person reads it: tags gone. */
const textOf = (html: string): string => html.replace(/<[^>]+>/g, '\n');
const figure = (text: string, label: string): number => Number(new RegExp(`${label}\\n+(\\d+)`).exec(text)![1]);
const uploadedFiles = (): string[] =>
  web.uploads.folder === null ? [] : fs.readdirSync(web.uploads.folder).flatMap((d) => fs.readdirSync(path.join(web.uploads.folder!, d)).map((f) => path.join(web.uploads.folder!, d, f)));

describe('an import as a job', () => {
  it('shows progress, answers other pages meanwhile, previews exactly what it then imports, and removes the upload', async () => {
    await coord.get('/inlezen');
    const posted = await coord.upload('/inlezen', { bestand: { name: 'lijst-2022-03.csv', data: list } });
    expect(posted.status).toBe(303);
    const jobPage = posted.headers.get('location')!;
    expect(jobPage).toMatch(/^\/inlezen\/taak\/[A-Za-z0-9_-]{24}$/);

    const running = await coord.get(jobPage);
    const html = await running.text();
    expect(html).toContain('<meta http-equiv="refresh" content="1"/>');
    expect(html).toContain('Voorbeeld van lijst-2022-03.csv wordt gemaakt');
    expect(html).not.toContain('<script');
    // The upload waits in a private file, as it was sent.
    const [saved] = uploadedFiles();
    expect(fs.statSync(saved!).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(saved!)).toEqual(list);
    // Another page is answered while the preview runs.
    expect(web.jobs.running).toBe(1);
    expect((await anna.get('/werklijst')).status).toBe(200);
    expect(web.jobs.running).toBe(1);

    const preview = await coord.follow(await coord.get(jobPage));
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    const previewText = textOf(previewHtml);
    expect(previewText).toContain('Voorbeeld: zo wordt de lijst ingelezen');
    const planned = { rows: figure(previewText, 'Regels gelezen'), fresh: figure(previewText, 'Signalen nieuw') };
    expect(planned.rows).toBe(ROWS);
    expect(queryFile(web.bundled.file, "SELECT count(*) AS n FROM imports WHERE month = '2022-03'")).toEqual([{ n: 0 }]);

    const token = /name="taak" value="([^"]+)"/.exec(previewHtml)![1]!;
    const confirmed = await coord.submit('/inlezen/bevestig', { taak: token });
    expect(confirmed.status).toBe(303);
    const importing = await coord.get(confirmed.headers.get('location')!);
    expect(await importing.text()).toContain('lijst-2022-03.csv wordt ingelezen');
    expect((await anna.get('/')).status).toBe(200);
    expect(web.jobs.running).toBe(1);

    const done = await coord.follow(await coord.get(coord.lastPath!));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Ingelezen: lijst-2022-03.csv als maart 2022 (2022-03).');
    // The plan shown is the plan applied.
    expect(queryFile(web.bundled.file, "SELECT rows_read AS rows, signals_new AS fresh FROM imports WHERE month = '2022-03'")).toEqual([planned]);
    expect(uploadedFiles()).toEqual([]);
    expect(web.uploads.size).toBe(0);
    // Audited as the account, by the import thread's own connection.
    const audit = queryFile<{ account: string; counts: string }>(web.bundled.file, "SELECT account, counts FROM audit WHERE command = 'web import'");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.account).toBe('coord');
    expect(JSON.parse(audit[0]!.counts)).toMatchObject({ regels: ROWS, nieuw: planned.fresh });
  }, 120_000);

  it("shows an error of the job on its page with the command line's message, and removes the upload", async () => {
    await coord.get('/inlezen');
    const refused = await coord.follow(await coord.upload('/inlezen', { bestand: { name: 'lijst.csv', data: list.subarray(0, 2_000) } }));
    expect(refused.status).toBe(422);
    const text = textOf(await refused.text());
    expect(text).toContain('Uit de bestandsnaam lijst.csv blijkt niet om welke maand het gaat.');
    expect(text).toContain('Er is niets ingelezen.');
    expect(uploadedFiles()).toEqual([]);
  });

  it('refuses an upload form without its token before keeping any file', async () => {
    await coord.get('/inlezen');
    const real = coord.csrf;
    coord.csrf = 'x'.repeat(43);
    const forged = await coord.upload('/inlezen', { bestand: { name: 'lijst-2022-04.csv', data: list } });
    coord.csrf = real;
    expect(forged.status).toBe(403);
    expect(uploadedFiles()).toEqual([]);
    expect(web.jobs.running).toBe(0);
  });

  it('is a page of the session that started it only', async () => {
    await coord.get('/inlezen');
    const posted = await coord.upload('/inlezen', { bestand: { name: 'lijst-2022-01.csv', data: list.subarray(0, 5_000) } });
    const other = await signedIn(web.app, 'coord');
    expect((await other.get(posted.headers.get('location')!)).status).toBe(404);
    await coord.follow(posted);
  });
});

describe('uploads left behind by a server that was killed', () => {
  it('are removed when the next server starts, when nothing was added to them for half an hour', () => {
    const stale = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-upload-'));
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-upload-'));
    fs.mkdirSync(path.join(stale, 'token'));
    fs.writeFileSync(path.join(stale, 'token', 'lijst-2022-03.csv'), list.subarray(0, 100), { mode: 0o600 });
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    Uploads.removeAbandoned(() => new Date());
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    fs.rmSync(fresh, { recursive: true });
  });
});

describe('while an import thread holds the write lock', () => {
  it('pages are answered at once: renewing the session waits for no one', async () => {
    const writer = new Database(web.bundled.file);
    writer.exec('BEGIN IMMEDIATE');
    try {
      web.advance(5 * 60_000);
      const started = Date.now();
      expect((await anna.get('/')).status).toBe(200);
      expect((await anna.get('/werklijst')).status).toBe(200);
      // The fixture's busy timeout is 1 s: waiting for the lock would show.
      expect(Date.now() - started).toBeLessThan(900);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    // Afterwards the session is renewed as usual.
    expect((await anna.get('/')).status).toBe(200);
  });
});

describe('the compiled job runner', () => {
  it('runs an import in a worker thread of its own, on its own connection', async () => {
    const Jobs = await compiledJobs();
    const jobs = new Jobs(() => new Date());
    expect(jobs.inThread).toBe(false);
    const file = path.join(web.bundled.dir, 'lijst-2022-05.csv');
    fs.writeFileSync(file, Buffer.from([...csvLines(signalRows({ seed: 12, startMonth: '2022-05', months: 1, maxRows: 3_000, ...NATION }), DUTCH_EXCEL)].join(''), 'latin1'));
    const upload = { token: 't', file, name: 'lijst-2022-05.csv', sessionHash: 's', savedAt: 0 };
    const ended = new Promise<{ error: Error | null; rows: number | null }>((resolve) =>
      jobs.start(
        {
          kind: 'import',
          database: web.bundled.file,
          busyTimeoutMs: 5_000,
          file,
          dryRun: false,
          replace: false,
          skipInvalid: false,
          aanvulling: false,
          today: '2022-06-30',
          now: '2022-06-30T10:00:00.000Z',
          audit: { at: '2022-06-30T10:00:00.000Z', osUser: 'test', account: 'coord', command: 'web import', options: {} },
        },
        { upload, rejects: null },
        's',
        (job) => resolve({ error: job.error, rows: job.outcome?.kind === 'imported' ? job.outcome.summary.rowsRead : null }),
      ),
    );
    expect(jobs.running).toBe(1);
    expect(await ended).toEqual({ error: null, rows: 3_000 });
    expect(queryFile(web.bundled.file, "SELECT rows_read AS rows FROM imports WHERE month = '2022-05'")).toEqual([{ rows: 3_000 }]);
    await jobs.dispose();
  }, 60_000);
});
