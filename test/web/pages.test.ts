// The pages do what the command line does, on the same data: an attempt or a result recorded on
// the worklist is stored exactly as `eropaf contact` / `eropaf close` store it, the table shows
// the figures of `eropaf table`, and no page shows a full BSN.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { runEropaf } from '../e2e/helpers.js';
import { copyDatabase, onRealClock, signedIn, webFixture, type Browser, type WebFixture } from './web-app.js';

let web: WebFixture;
let coord: Browser;
let anna: Browser;
beforeAll(async () => {
  web = await webFixture('eropaf-web-pages-');
  coord = await signedIn(web.app, 'coord');
  anna = await signedIn(web.app, 'anna');
});
afterAll(() => web.close());

async function signInAgain(): Promise<void> {
  coord = await signedIn(web.app, 'coord');
  anna = await signedIn(web.app, 'anna');
}


const FOLLOW_UP = `SELECT m.month, m.seq, c.soort, c.bereikt, c.datum, c.dagdeel, c.notitie, NULL AS resultaat, NULL AS referred_to, NULL AS closed_on, NULL AS source, m.opgevolgd
  FROM contacts c JOIN meldingen m ON m.id = c.melding_id
  UNION ALL
  SELECT m.month, m.seq, NULL, NULL, NULL, NULL, NULL, r.resultaat, r.referred_to, r.closed_on, r.source, m.opgevolgd
  FROM results r JOIN meldingen m ON m.id = r.melding_id WHERE r.source = 'medewerker'
  ORDER BY 1, 2, 3, 8`;

/** Anna's meldingen on February's worklist, from the worklist page. */
async function annasRefs(): Promise<string[]> {
  const html = await (await anna.get('/werklijst?maand=2022-02')).text();
  return [...html.matchAll(/<article id="m-(\d{4}-\d{2}-\d{3})"/g)].map((m) => m[1]!);
}

describe('the worklist', () => {
  it('shows a medewerker their own meldingen by default, each with reason, organisations, contact data and attempts', async () => {
    const mine = await (await anna.get('/werklijst')).text();
    const team = await (await anna.get('/werklijst?maand=2022-02&medewerker=alle')).text();
    const refs = await annasRefs();
    expect(refs.length).toBe(10);
    expect(mine.match(/<dt>Medewerker<\/dt><dd>([^<]*)<\/dd>/g)!.every((m) => m.includes('Anna de Vries'))).toBe(true);
    expect([...team.matchAll(/<article id="m-/g)].length).toBeGreaterThan(refs.length);
    for (const label of ['Reden', 'Naam', 'Adres', 'Telefoon', 'BSN', 'Pogingen']) expect(mine).toContain(`<dt>${label}</dt>`);
    expect(mine).toContain('<caption>Organisaties en bedragen</caption>');
  });

  it('stores an attempt exactly as `eropaf contact` does, and a result exactly as `eropaf close`', async () => {
    const [first, second] = await annasRefs();
    const copy = copyDatabase(web, 'cli.db');
    const cli = (args: string[]): void => {
      const run = runEropaf(args, { cwd: web.bundled.dir, db: copy });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    };
    cli(['contact', first!, '--type', 'huisbezoek', '--reached', 'nee', '--date', '2022-06-29', '--daypart', 'avond', '--note', 'kaartje achtergelaten']);
    cli(['contact', second!, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-06-30']);
    cli(['close', second!, '--result', 'vervolghulp-financieel', '--referred-to', 'schuldhulpverlening', '--date', '2022-06-30']);

    await anna.get('/werklijst?maand=2022-02');
    const back = 'maand=2022-02&medewerker=1&staat=alle';
    const one = await anna.submit('/werklijst/poging', { melding: first!, terug: back, soort: 'huisbezoek', datum: '2022-06-29', tijd: '19:15', bereikt: 'nee', notitie: 'kaartje achtergelaten' });
    expect(one.status).toBe(303);
    expect(one.headers.get('location')).toBe(`/werklijst?${back}&vastgelegd=${first}#m-${first}`);
    expect((await anna.submit('/werklijst/poging', { melding: second!, soort: 'telefoon', datum: '2022-06-30', tijd: '', bereikt: 'ja', notitie: '' })).status).toBe(303);
    expect((await anna.submit('/werklijst/resultaat', { melding: second!, resultaat: 'vervolghulp-financieel', verwezen: 'schuldhulpverlening', datum: '2022-06-30' })).status).toBe(303);

    const fromWeb = queryFile(web.bundled.file, FOLLOW_UP);
    expect(fromWeb).toHaveLength(3);
    expect(fromWeb).toEqual(queryFile(copy, FOLLOW_UP));
    const audit = queryFile<{ account: string; command: string; options: string; counts: string }>(
      web.bundled.file,
      "SELECT account, command, options, counts FROM audit WHERE command IN ('web contact', 'web close') ORDER BY id",
    );
    // The same counts as the command line's audit records, with the account and the melding.
    const cliCounts = queryFile<{ counts: string }>(copy, "SELECT counts FROM audit WHERE command IN ('contact', 'close') ORDER BY id").map((a) => JSON.parse(a.counts));
    expect(cliCounts).toHaveLength(3);
    expect(audit.map((a) => [a.account, a.command, JSON.parse(a.options)])).toEqual([
      ['anna', 'web contact', { melding: first }],
      ['anna', 'web contact', { melding: second }],
      ['anna', 'web close', { melding: second }],
    ]);
    expect(audit.map((a) => JSON.parse(a.counts))).toEqual(cliCounts);
    // The closed melding has left the worklist.
    expect(await annasRefs()).not.toContain(second);
  });

  it('refuses a bad form with each error tied to its field, and stores nothing', async () => {
    const [ref] = await annasRefs();
    const before = queryFile(web.bundled.file, FOLLOW_UP);
    const response = await anna.submit('/werklijst/poging', { melding: ref!, soort: '', datum: '2022-07-01', tijd: '25:00', bereikt: '', notitie: '' });
    expect(response.status).toBe(422);
    const html = await response.text();
    for (const field of ['soort', 'datum', 'tijd']) {
      expect(html).toMatch(new RegExp(`id="m-${ref}-${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="m-${ref}-${field}-fout"`));
      expect(html).toContain(`<p id="m-${ref}-${field}-fout" class="field-error">`);
    }
    expect(html).toContain('De datum ligt in de toekomst');
    expect(html).toContain('Kies of de inwoner bereikt is.');
    expect(queryFile(web.bundled.file, FOLLOW_UP)).toEqual(before);
  });

  it('refuses a melding that does not exist with a message, and stores nothing', async () => {
    await anna.get('/werklijst');
    const response = await anna.submit('/werklijst/poging', { melding: '2022-02-999', soort: 'telefoon', datum: '2022-06-30', bereikt: 'ja' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('melding 2022-02-999 bestaat niet');
  });
});

describe('the worklist download', () => {
  it('is the CSV of `eropaf worklist --format csv`, for the team and for one worker', async () => {
    const real = await signedIn(onRealClock(web), 'anna');
    const cli = (args: string[]): string => {
      const run = runEropaf(['worklist', '--month', '2022-02', '--format', 'csv', ...args], { cwd: web.bundled.dir, db: web.bundled.file });
      expect(run.status).toBe(0);
      return run.stdout;
    };
    const team = await real.get('/werklijst.csv?maand=2022-02&medewerker=alle');
    expect(team.headers.get('content-disposition')).toBe('attachment; filename="werklijst-2022-02.csv"');
    const bytes = new Uint8Array(await team.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(cli([]));
    // Response.text() drops the BOM, as a UTF-8 decoder does.
    expect(await (await real.get('/werklijst.csv?maand=2022-02')).text()).toBe(cli(['--worker', 'Anna de Vries']).replace(/^\uFEFF/, ''));
    expect((await real.get('/werklijst.csv?maand=2021-01')).status).toBe(404);
    // Without a month: all open work over all months, as `eropaf worklist` without --month.
    const everything = runEropaf(['worklist', '--format', 'csv'], { cwd: web.bundled.dir, db: web.bundled.file });
    const allMonths = await real.get('/werklijst.csv?medewerker=alle');
    expect(allMonths.headers.get('content-disposition')).toBe('attachment; filename="werklijst-alle-maanden.csv"');
    expect(await allMonths.text()).toBe(everything.stdout.replace(/^\uFEFF/, ''));
    // Signing in on the real clock ended the sessions of the fixture's clock.
    await signInAgain();
  });
});

describe('the worklist filters', () => {
  it('by stand: no attempt yet, an attempt, past the first-contact term', async () => {
    const refsOf = async (query: string): Promise<string[]> =>
      [...(await (await anna.get(`/werklijst?maand=2022-02&${query}`)).text()).matchAll(/<article id="m-([\d-]+)"/g)].map((m) => m[1]!);
    const all = await refsOf('staat=alle');
    const open = await refsOf('staat=open');
    const busy = await refsOf('staat=bezig');
    expect(open.length).toBeGreaterThan(0);
    expect(busy.length).toBeGreaterThan(0);
    expect([...open, ...busy].sort()).toEqual([...all].sort());
    // Listed on 2022-06-30 (the fixture's import day) with a 14-day term: not late on the fixture's day.
    expect(await refsOf('staat=te-laat')).toEqual([]);
    const days = 15 * 24 * 60 * 60_000;
    web.advance(days);
    await signInAgain();
    const late = await refsOf('staat=te-laat');
    expect([...late].sort()).toEqual([...(await refsOf('staat=open'))].sort());
  });
});

describe('the melding page', () => {
  it('shows signals, decision and history, and its opening is audited with the account only', async () => {
    const [ref] = await annasRefs();
    const response = await anna.get(`/melding/${ref}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const heading of ['Signalen', 'Contactpogingen', 'Resultaat', 'Eerdere en latere meldingen van dit huishouden']) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<dt>Reden</dt>');
    const audit = queryFile<{ account: string; options: string; counts: string }>(web.bundled.file, "SELECT account, options, counts FROM audit WHERE command = 'web melding bekijken' ORDER BY id DESC LIMIT 1");
    expect(audit).toEqual([{ account: 'anna', options: JSON.stringify({ melding: ref }), counts: JSON.stringify({ geopend: 1 }) }]);
  });

  it('shows who did what: the changes of the web app and of the command line', async () => {
    const [ref] = await annasRefs();
    await anna.get('/werklijst');
    expect((await anna.submit('/werklijst/poging', { melding: ref!, soort: 'brief', datum: '2022-06-30', tijd: '09:41', bereikt: 'nee' })).status).toBe(303);
    expect(runEropaf(['contact', ref!, '--type', 'telefoon', '--reached', 'nee', '--date', '2022-06-30'], { cwd: web.bundled.dir, db: web.bundled.file }).status).toBe(0);
    const html = await (await coord.get(`/melding/${ref}`)).text();
    const section = html.slice(html.indexOf('<h2>Wie deed wat</h2>'), html.indexOf('<h2>Eerdere en latere'));
    expect(section).toMatch(/<td>anna<\/td><td>web contact<\/td><td>contactpogingen 1<\/td>/);
    // The attempt's time and part of day, as recorded.
    expect(html).toContain('<td>30-06-2022</td><td>09:41</td><td>Ochtend</td><td>Brief</td><td>nee</td>');
    expect(section).toMatch(/<td>[^<]+ \(opdrachtregel\)<\/td><td>contact<\/td><td>contactpogingen 1<\/td>/);
    expect(section).not.toContain('melding bekijken');
  });

  it('is 404 for a reference that does not exist or is not one', async () => {
    expect((await anna.get('/melding/2022-02-999')).status).toBe(404);
    expect((await anna.get('/melding/onzin')).status).toBe(404);
  });
});

describe('no full BSN', () => {
  it('appears in any page, while the masked one does', async () => {
    const bsns = queryFile<{ bsn: string }>(web.bundled.file, 'SELECT DISTINCT bsn FROM signals WHERE bsn IS NOT NULL').map((r) => r.bsn);
    expect(bsns.length).toBeGreaterThan(10);
    const refs = queryFile<{ month: string; seq: number }>(web.bundled.file, "SELECT month, seq FROM meldingen WHERE month = '2022-02'");
    const paths = [
      '/',
      '/werklijst?maand=2022-02&medewerker=alle',
      '/tabel?van=2022-01&tot=2022-06',
      '/tabel.csv?van=2022-01&tot=2022-06',
      ...refs.map((r) => `/melding/${r.month}-${String(r.seq).padStart(3, '0')}`),
    ];
    let masked = 0;
    for (const p of paths) {
      const text = await (await coord.get(p)).text();
      for (const bsn of bsns) expect(text.includes(bsn), `${p} shows a full BSN`).toBe(false);
      masked += (text.match(/\*{6}\d{3}/g) ?? []).length;
    }
    expect(masked).toBeGreaterThan(0);
  });
});

describe('the Verantwoording page', () => {
  const HALF_YEAR = ['--from', '2022-01', '--to', '2022-06'];

  it('shows the figures of `eropaf table` for the same period', async () => {
    const cli = runEropaf(['table', ...HALF_YEAR, '--format', 'json'], { cwd: web.bundled.dir, db: web.bundled.file });
    expect(cli.status).toBe(0);
    const expected = (JSON.parse(cli.stdout) as { perioden: Array<{ rijen: Array<Record<string, number | string>> }> }).perioden[0]!.rijen;
    expect(expected.some((r) => (r.opgevolgd as number) > 0)).toBe(true);
    const html = await (await coord.get('/tabel?van=2022-01&tot=2022-06')).text();
    for (const row of expected) {
      const tr = new RegExp(`<tr data-categorie="${row.categorie}">(.*?)</tr>`).exec(html)![1]!;
      const cells = Object.fromEntries([...tr.matchAll(/data-veld="(\w+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]));
      expect(cells).toEqual({ ontvangen: row.ontvangen, ontvangenGemPerMaand: row.ontvangenGemPerMaand, opgevolgd: row.opgevolgd, opgevolgdGemPerMaand: row.opgevolgdGemPerMaand });
    }
    expect(html).toMatch(/<svg class="chart" role="img"/);
  });

  it('downloads the CSV and Markdown that `eropaf table` writes', async () => {
    for (const [format, extension] of [
      ['csv', 'csv'],
      ['md', 'md'],
    ] as const) {
      const cli = runEropaf(['table', ...HALF_YEAR, '--compare', '2021-07:2021-12', '--format', format], { cwd: web.bundled.dir, db: web.bundled.file });
      const response = await coord.get(`/tabel.${extension}?van=2022-01&tot=2022-06&vergelijk=2021-07:2021-12`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="verantwoording-2022-01-2022-06.${extension}"`);
      expect(await response.text()).toBe(cli.stdout);
    }
  });

  it('refuses a period that is not one, with the error at the field', async () => {
    const response = await coord.get('/tabel?van=2022-13&tot=2022-06');
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/id="van"[^>]*aria-invalid="true"/);
  });
});

describe('the Cijfers page', () => {
  it('shows the rows of `eropaf stats` and downloads its CSV', async () => {
    const real = onRealClock(web);
    const realCoord = await signedIn(real, 'coord');
    const realAnna = await signedIn(real, 'anna');
    const csv = runEropaf(['stats', '--from', '2022-01', '--to', '2022-06', '--format', 'csv'], { cwd: web.bundled.dir, db: web.bundled.file });
    expect(csv.status).toBe(0);
    const download = await realCoord.get('/cijfers.csv?van=2022-01&tot=2022-06');
    expect(await download.text()).toBe(csv.stdout);
    const html = await (await realCoord.get('/cijfers?van=2022-01&tot=2022-06')).text();
    // Each CSV row (onderdeel;wat;aantal;van) is a row of the page.
    const lines = csv.stdout.trim().split(/\r?\n/).slice(1);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const [section, label, count] = line.split(';');
      expect(html).toContain(`<tr><td>${section}</td><th scope="row">${label!.replace(/^"|"$/g, '')}</th><td class="num">${count}</td>`);
    }
    expect((await realAnna.get('/cijfers')).status).toBe(403);
    await signInAgain();
  });
});

describe('the overview', () => {
  it('shows each month as `eropaf months` does', async () => {
    const months = JSON.parse(runEropaf(['months', '--format', 'json'], { cwd: web.bundled.dir, db: web.bundled.file }).stdout) as Array<Record<string, number | string | boolean>>;
    expect(months.length).toBeGreaterThan(1);
    const sorted = months.map((m) => m.month as string).sort();
    const perMonth = JSON.parse(
      runEropaf(['table', '--from', sorted[0]!, '--to', sorted[sorted.length - 1]!, '--per-month', '--format', 'json'], { cwd: web.bundled.dir, db: web.bundled.file }).stdout,
    ) as { maanden: Array<{ maand: string; categorie: string; open?: number }> };
    const openOf = new Map(perMonth.maanden.filter((r) => r.categorie === 'totaal').map((r) => [r.maand, r.open ?? 0]));
    const real = await signedIn(onRealClock(web), 'coord');
    const html = await (await real.get('/')).text();
    for (const m of months) {
      const row = new RegExp(`<tr><th scope="row">(?:<a [^>]*>)?${m.month}(?:</a>)?</th>(.*?)</tr>`).exec(html)![1]!;
      const cells = [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]);
      expect(cells).toEqual([
        String(m.received),
        m.triaged ? 'ja' : 'nee',
        String(m.assigned),
        String(m.followedUp),
        String(openOf.get(m.month as string)), // open: from the table's per-month view
        String(m.deferred),
        String(m.closed),
        String(m.pastContactTerm),
      ]);
    }
    await signInAgain();
  });

  it('reminds of a delivered period that has changed since its delivery, as the command line does', async () => {
    const out = path.join(web.bundled.dir, 'februari.json');
    const exported = runEropaf(['export', 'ddas', '--from', '2022-02', '--to', '2022-02', '--gemeentecode', '0397', '--organisation', 'WIJ Heemstede', '--contact-email', 'vroegeropaf@example.nl', '--out', out], { cwd: web.bundled.dir, db: web.bundled.file });
    expect(exported.status).toBe(0);
    const [ref] = await annasRefs();
    // On the real clock: the delivery was made now, so the result must be recorded after it.
    const real = onRealClock(web);
    const realCoord = await signedIn(real, 'coord');
    const realAnna = await signedIn(real, 'anna');
    expect(await (await realCoord.get('/')).text()).not.toContain('is sindsdien veranderd');
    await realAnna.get('/werklijst');
    const recorded = await realAnna.submit('/werklijst/resultaat', { melding: ref!, resultaat: 'advies', verwezen: '', datum: '2022-06-30' });
    const html = await (await realCoord.get('/')).text();
    await signInAgain();
    expect(recorded.status).toBe(303);
    expect(html).toContain('is sindsdien veranderd');
    expect(html).toContain('eropaf export ddas --from 2022-02 --to 2022-02 --gemeentecode 0397');
    const months = runEropaf(['months'], { cwd: web.bundled.dir, db: web.bundled.file });
    expect(months.stderr).toContain('is sindsdien veranderd');
  });

  it('shows every month, and a medewerker their own open meldingen first', async () => {
    const html = await (await anna.get('/')).text();
    expect(html.indexOf('Mijn open meldingen')).toBeGreaterThan(-1);
    expect(html.indexOf('Mijn open meldingen')).toBeLessThan(html.indexOf('Per maand'));
    for (const ref of await annasRefs()) expect(html).toContain(`href="/melding/${ref}"`);
    expect(html).toMatch(/<th scope="row"><a href="\/werklijst\?maand=2022-02">2022-02<\/a><\/th><td class="num">43<\/td>/);
    expect(await (await coord.get('/')).text()).not.toContain('Mijn open meldingen');
  });
});
