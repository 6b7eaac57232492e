// The Triage page: the coordinator sees exactly the plan of `eropaf triage --dry-run` (every
// decision with its reason), confirms, and the stored triage equals the command line's; a
// preview that no longer matches the data stores nothing; a medewerker cannot triage. The
// preview and the run are jobs off the request path, whose page follows them until done.

import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { runEropaf } from '../e2e/helpers.js';
import { createApp } from '../../src/web/app.js';
import { copyDatabase, signedIn, START, webFixture, type Browser, type WebFixture } from './web-app.js';

let web: WebFixture;
let coord: Browser;
beforeAll(async () => {
  web = await webFixture('eropaf-web-triage-');
  coord = await signedIn(web.app, 'coord');
});
afterAll(() => web.close());

const DECISIONS = `SELECT m.seq, d.kind, d.rule, d.reason, d.place, w.name AS worker, r.resultaat, r.source
  FROM decisions d JOIN meldingen m ON m.id = d.melding_id LEFT JOIN workers w ON w.id = d.worker_id
  LEFT JOIN results r ON r.melding_id = m.id WHERE m.month = '2022-01' ORDER BY m.seq`;

const rows = (html: string): Array<[string, string]> =>
  [...html.matchAll(/<tr><td><a href="\/melding\/([\d-]+)">[\d-]+<\/a><\/td><td>[^<]*<\/td><td>[^<]*<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1]!, m[2]!]);
const planOf = (html: string): string => /name="plan" value="([0-9a-f]{64})"/.exec(html)![1]!;
const JOB_PAGE = /^\/triage\/taak\/[A-Za-z0-9_-]{24}$/;

describe('the Triage page', () => {
  it('is for the coordinator only', async () => {
    const anna = await signedIn(web.app, 'anna');
    expect((await anna.get('/triage?maand=2022-01')).status).toBe(403);
    expect((await anna.submit('/triage', { maand: '2022-01', capaciteit: '', plan: 'x' })).status).toBe(403);
    expect(web.jobs.running).toBe(0);
    expect(queryFile(web.bundled.file, DECISIONS)).toEqual([]);
  });

  it('opened from the menu offers the newest month and starts no preview until the form is sent', async () => {
    const opened = await coord.get('/triage');
    expect(opened.status).toBe(200);
    const html = await opened.text();
    expect(html).toMatch(/<option value="2022-02" selected[^>]*>februari 2022/);
    expect(html).toContain('Voorbeeld tonen');
    expect(web.jobs.running).toBe(0);
    expect(queryFile(web.bundled.file, DECISIONS)).toEqual([]);
  });

  it('previews exactly the dry run of `eropaf triage` as a job, stores nothing, and on confirmation stores what the command line stores', async () => {
    const copy = copyDatabase(web, 'cli.db');
    const dry = runEropaf(['triage', '--month', '2022-01', '--dry-run', '--format', 'json'], { cwd: web.bundled.dir, db: copy });
    expect(dry.status).toBe(0);
    const expected = (JSON.parse(dry.stdout) as { decisions: Array<{ ref: string; reason: string }> }).decisions.map((d) => [d.ref, d.reason.replace(/"/g, '&quot;')]);

    const started = await coord.get('/triage?maand=2022-01');
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toMatch(JOB_PAGE);
    const preview = await coord.follow(started);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(rows(html)).toEqual(expected);
    expect(queryFile(web.bundled.file, DECISIONS)).toEqual([]);

    const confirmed = await coord.submit('/triage', { maand: '2022-01', capaciteit: '', plan: planOf(html) });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toMatch(JOB_PAGE);
    const result = await coord.follow(confirmed);
    expect(result.status).toBe(200);
    expect(await result.text()).toContain('januari 2022 is getrieerd.');
    expect(runEropaf(['triage', '--month', '2022-01'], { cwd: web.bundled.dir, db: copy }).status).toBe(0);
    const stored = queryFile(web.bundled.file, DECISIONS);
    expect(stored.length).toBe(expected.length);
    expect(stored).toEqual(queryFile(copy, DECISIONS));
    const audit = queryFile<{ account: string; options: string }>(web.bundled.file, "SELECT account, options FROM audit WHERE command = 'web triage'");
    expect(audit).toEqual([{ account: 'coord', options: JSON.stringify({ maand: '2022-01' }) }]);
  });

  it('stores nothing when the plan changed since the preview, and shows the new one', async () => {
    const html = await (await coord.follow(await coord.get('/triage?maand=2022-01&capaciteit=3'))).text();
    const before = queryFile(web.bundled.file, DECISIONS);
    const other = await coord.follow(await coord.submit('/triage', { maand: '2022-01', capaciteit: '4', plan: planOf(html) }));
    expect(other.status).toBe(200);
    const shown = await other.text();
    expect(shown).toContain('De gegevens zijn veranderd sinds het voorbeeld; er is niets opgeslagen.');
    expect(planOf(shown)).not.toBe(planOf(html));
    expect(queryFile(web.bundled.file, DECISIONS)).toEqual(before);
  });

  it('stores nothing when the data changed between the preview and its confirmation', async () => {
    const html = await (await coord.follow(await coord.get('/triage?maand=2022-01&capaciteit=3'))).text();
    const before = queryFile(web.bundled.file, DECISIONS);
    // Someone else (the command line) deactivates a worker in between.
    const db = new Database(web.bundled.file);
    db.prepare("UPDATE workers SET active = 0 WHERE name = 'Anna de Vries'").run();
    db.close();
    try {
      const refused = await coord.follow(await coord.submit('/triage', { maand: '2022-01', capaciteit: '3', plan: planOf(html) }));
      expect(await refused.text()).toContain('De gegevens zijn veranderd sinds het voorbeeld; er is niets opgeslagen.');
      expect(queryFile(web.bundled.file, DECISIONS)).toEqual(before);
      expect(queryFile(web.bundled.file, "SELECT count(*) AS n FROM audit WHERE command = 'web triage'")).toEqual([{ n: 1 }]);
    } finally {
      const restore = new Database(web.bundled.file);
      restore.prepare("UPDATE workers SET active = 1 WHERE name = 'Anna de Vries'").run();
      restore.close();
    }
  });

  it('is a job page of the session that started it only', async () => {
    const started = await coord.get('/triage?maand=2022-01');
    const other = await signedIn(web.app, 'coord');
    const response = await other.get(started.headers.get('location')!);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('name="plan"');
    await coord.follow(started);
  });

  it("shows an error of the job on its page, with the message of the command line", async () => {
    // The job opens the database on a connection of its own; here one without the month's list,
    // as when the command line removed it after the month was chosen.
    const missing = path.join(web.bundled.dir, 'leeg.db');
    const app = createApp({ store: web.bundled.store, clock: () => new Date(START), secure: false, behindProxy: false, osUser: 'test', background: { jobs: web.jobs, database: missing, busyTimeoutMs: 1_000 } });
    const coordinator = await signedIn(app, 'coord');
    const failed = await coordinator.follow(await coordinator.get('/triage?maand=2022-01'));
    expect(failed.status).toBe(422);
    const html = await failed.text();
    const text = html.replace(/<[^>]+>/g, '\n').replace(/&quot;/g, '"');
    expect(text).toContain('Er is geen lijst van 2022-01 ingelezen.');
    expect(text).toContain('Lees eerst de lijst in met "eropaf import BESTAND --month 2022-01"');
    expect(text).toContain('Er is niets opgeslagen.');
    expect(html).toMatch(/id="maand"/);
    expect(html).not.toContain('name="plan"');
  });

  it('refuses a month without a list and a capacity that is not a number, at their fields', async () => {
    const response = await coord.get('/triage?maand=2023-01&capaciteit=veel');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="maand"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="capaciteit"[^>]*aria-invalid="true"/);
  });
});

describe('a triage in a worker thread, as the server runs it', () => {
  let threaded: WebFixture;
  beforeAll(async () => {
    threaded = await webFixture('eropaf-web-triage-thread-', { workerThreads: true });
  });
  afterAll(() => threaded.close());

  it('leaves the other pages answered while it runs, and shows its progress until it is done', async () => {
    const coordinator = await signedIn(threaded.app, 'coord');
    const anna = await signedIn(threaded.app, 'anna');
    expect(threaded.jobs.inThread).toBe(false);
    const html = await (await coordinator.follow(await coordinator.get('/triage?maand=2022-01'))).text();
    expect(rows(html).length).toBeGreaterThan(0);

    // The command line holds the write lock: the confirmed run waits for it in its own thread.
    const writer = new Database(threaded.bundled.file);
    writer.exec('BEGIN IMMEDIATE');
    let jobPage: string;
    try {
      const confirmed = await coordinator.submit('/triage', { maand: '2022-01', capaciteit: '', plan: planOf(html) });
      jobPage = confirmed.headers.get('location')!;
      const running = await (await coordinator.get(jobPage)).text();
      expect(running).toContain('<meta http-equiv="refresh" content="1"/>');
      expect(running).toContain('Triage van januari 2022 wordt opgeslagen');
      expect(threaded.jobs.running).toBe(1);
      const started = Date.now();
      expect((await anna.get('/werklijst')).status).toBe(200);
      expect((await anna.get('/')).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(900);
      expect(threaded.jobs.running).toBe(1);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    const done = await coordinator.follow(await coordinator.get(jobPage));
    expect(await done.text()).toContain('januari 2022 is getrieerd.');
    expect(queryFile(threaded.bundled.file, DECISIONS).length).toBe(rows(html).length);
    expect(queryFile(threaded.bundled.file, "SELECT account FROM audit WHERE command = 'web triage'")).toEqual([{ account: 'coord' }]);
  }, 60_000);
});
