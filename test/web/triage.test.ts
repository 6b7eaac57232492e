// The Triage page: the coordinator sees exactly the plan of `eropaf triage --dry-run` (every
// decision with its reason), confirms, and the stored triage equals the command line's; a
// preview that no longer matches the data stores nothing; a medewerker cannot triage.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { runEropaf } from '../e2e/helpers.js';
import { copyDatabase, signedIn, webFixture, type Browser, type WebFixture } from './web-app.js';

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

describe('the Triage page', () => {
  it('is for the coordinator only', async () => {
    const anna = await signedIn(web.app, 'anna');
    expect((await anna.get('/triage?maand=2022-01')).status).toBe(403);
    expect((await anna.submit('/triage', { maand: '2022-01', capaciteit: '', plan: 'x' })).status).toBe(403);
    expect(queryFile(web.bundled.file, DECISIONS)).toEqual([]);
  });

  it('previews exactly the dry run of `eropaf triage`, stores nothing, and on confirmation stores what the command line stores', async () => {
    const copy = copyDatabase(web, 'cli.db');
    const dry = runEropaf(['triage', '--month', '2022-01', '--dry-run', '--format', 'json'], { cwd: web.bundled.dir, db: copy });
    expect(dry.status).toBe(0);
    const expected = (JSON.parse(dry.stdout) as { decisions: Array<{ ref: string; reason: string }> }).decisions.map((d) => [d.ref, d.reason.replace(/"/g, '&quot;')]);

    const preview = await coord.get('/triage?maand=2022-01');
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(rows(html)).toEqual(expected);
    expect(queryFile(web.bundled.file, DECISIONS)).toEqual([]);
    const plan = /name="plan" value="([0-9a-f]{64})"/.exec(html)![1]!;

    const confirmed = await coord.submit('/triage', { maand: '2022-01', capaciteit: '', plan });
    expect(confirmed.status).toBe(303);
    expect(runEropaf(['triage', '--month', '2022-01'], { cwd: web.bundled.dir, db: copy }).status).toBe(0);
    const stored = queryFile(web.bundled.file, DECISIONS);
    expect(stored.length).toBe(expected.length);
    expect(stored).toEqual(queryFile(copy, DECISIONS));
    const audit = queryFile<{ account: string; options: string }>(web.bundled.file, "SELECT account, options FROM audit WHERE command = 'web triage'");
    expect(audit).toEqual([{ account: 'coord', options: JSON.stringify({ maand: '2022-01' }) }]);
    expect(await (await coord.get(confirmed.headers.get('location')!)).text()).toContain('is getrieerd.');
  });

  it('stores nothing when the plan changed since the preview, and shows the new one', async () => {
    const html = await (await coord.get('/triage?maand=2022-01&capaciteit=3')).text();
    const plan = /name="plan" value="([0-9a-f]{64})"/.exec(html)![1]!;
    const before = queryFile(web.bundled.file, DECISIONS);
    const other = await coord.submit('/triage', { maand: '2022-01', capaciteit: '4', plan });
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('De gegevens zijn veranderd sinds het voorbeeld; er is niets opgeslagen.');
    expect(queryFile(web.bundled.file, DECISIONS)).toEqual(before);
  });

  it('refuses a month without a list and a capacity that is not a number, at their fields', async () => {
    const response = await coord.get('/triage?maand=2023-01&capaciteit=veel');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="maand"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="capaciteit"[^>]*aria-invalid="true"/);
  });
});
