// Huisbezoeken: the month's visit list in route order as `eropaf visits` gives it (the same use
// case), for both roles, mine by default; printable; and the CSV `eropaf visits --format csv` writes.

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { expectAnonymousRefused } from './refusals.js';
import { Browser, signedIn, webFixture, type WebFixture } from './web-app.js';

let web: WebFixture;
let coord: Browser;
let anna: Browser;
let annaId: number;
let bramId: number;

/** Three of Anna's visits, moved to addresses whose route order is known: see `beforeAll`. */
let first: string;
let second: string;
let third: string;
/** One of Bram's, on the same street as two of them, first on the team's route. */
let bramsVisit: string;

const refsOnPage = (html: string): string[] => [...html.matchAll(/<article class="visit" aria-labelledby="bezoek-([\d-]+)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  web = await webFixture('eropaf-web-visits-');
  coord = await signedIn(web.app, 'coord');
  anna = await signedIn(web.app, 'anna');
  const id = (name: string): number => queryFile<{ id: number }>(web.bundled.file, 'SELECT id FROM workers WHERE name = ?', name)[0]!.id;
  annaId = id('Anna de Vries');
  bramId = id('Bram Jansen');
  // Three of Anna's February meldingen and one of Bram's become visits (no phone number or e-mail address) at
  // addresses in postcode area 1011, before every address of the bundled lists: route order is
  // postcode, street, house number.
  const ofWorker = (workerId: number, count: number): string[] =>
    queryFile<{ ref: string }>(
      web.bundled.file,
      `SELECT printf('%s-%03d', m.month, m.seq) AS ref FROM meldingen m JOIN decisions d ON d.melding_id = m.id
       WHERE m.month = '2022-02' AND d.worker_id = ? AND d.case_melding_id IS NULL
         AND (SELECT count(*) FROM meldingen o WHERE o.household_id = m.household_id) = 1
       ORDER BY m.seq LIMIT ?`,
      workerId,
      count,
    ).map((r) => r.ref);
  const [a, b, c] = ofWorker(annaId, 3);
  bramsVisit = ofWorker(bramId, 1)[0]!;
  expect(c).toBeDefined();
  expect(bramsVisit).toBeDefined();
  const db = new Database(web.bundled.file);
  try {
    const move = (ref: string, postcode: string, huisnummer: string): void => {
      const melding = "(SELECT id FROM meldingen WHERE printf('%s-%03d', month, seq) = ?)";
      db.prepare(`UPDATE households SET postcode = ?, huisnummer = ?, toevoeging = '' WHERE id = (SELECT household_id FROM meldingen WHERE id = ${melding})`).run(postcode, huisnummer, ref);
      db.prepare(`UPDATE signals SET straatnaam = 'Dorpsstraat', telefoon = NULL, email = NULL WHERE melding_id = ${melding}`).run(ref);
    };
    move(a!, '1011AB', '30');
    move(b!, '1011CD', '2');
    move(c!, '1011AB', '4');
    move(bramsVisit, '1011AB', '3');
  } finally {
    db.close();
  }
  [first, second, third] = [c!, a!, b!];
});
afterAll(() => web.close());

describe('the visit list', () => {
  it('shows a medewerker their own visits of the last triaged month, in route order: postcode, street, house number', async () => {
    const response = await anna.get('/huisbezoeken');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Huisbezoeken februari 2022</h1>');
    expect(refsOnPage(html).slice(0, 3)).toEqual([first, second, third]);
    expect(html).toContain('<h2 id="gebied-1011">Postcodegebied 1011 (3)</h2>');
    expect(html).toContain(`<a href="/melding/${first}">${first}</a>`);
  });

  it('shows the whole team on request, to either role, grouped by postcode area', async () => {
    for (const browser of [anna, coord]) {
      const html = await (await browser.get('/huisbezoeken?maand=2022-02&medewerker=alle')).text();
      expect(refsOnPage(html).slice(0, 4)).toEqual([bramsVisit, first, second, third]);
      expect(html).toContain('<h2 id="gebied-1011">Postcodegebied 1011 (4)</h2>');
    }
    const team = refsOnPage(await (await coord.get('/huisbezoeken?maand=2022-02&medewerker=alle')).text());
    const annas = refsOnPage(await (await coord.get(`/huisbezoeken?maand=2022-02&medewerker=${annaId}`)).text());
    const brams = refsOnPage(await (await coord.get(`/huisbezoeken?maand=2022-02&medewerker=${bramId}`)).text());
    expect(brams[0]).toBe(bramsVisit);
    expect(annas).not.toContain(bramsVisit);
    expect([...team].sort()).toEqual([...annas, ...brams].sort());
  });

  it('prints with room to write at the door, and without navigation or forms', async () => {
    const html = await (await anna.get('/huisbezoeken')).text();
    expect(html).toContain('<link rel="stylesheet" href="/static/eropaf.css"');
    expect(html).toMatch(/<article class="visit"[^]*?<div class="write"/);
    const css = await (await anna.get('/static/eropaf.css')).text();
    const print = printRules(css);
    // On paper the write box shows: a print rule for it, after the screen rule that hides it.
    expect(print.has('.visit .write')).toBe(true);
    expect(css.lastIndexOf('.visit .write {')).toBeGreaterThan(css.indexOf('@media print'));
    for (const selector of ['.top', '.filters', 'form', 'button']) expect(print.has(selector)).toBe(true);
  });

  it('downloads as the CSV of `eropaf visits --format csv`: its columns, in route order, without BSN or phone', async () => {
    const response = await anna.get('/huisbezoeken.csv?maand=2022-02&medewerker=alle');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="huisbezoeken-2022-02.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(header).toBe('gebied;melding;medewerker;naam;adres;organisaties;totaal;eerdere_pogingen;reden;voorstel;contact_datum;contact_soort;bereikt;resultaat;notitie');
    expect(rows.map((row) => row.split(';')[1])).toEqual(refsOnPage(await (await anna.get('/huisbezoeken?maand=2022-02&medewerker=alle')).text()));
    const bsns = queryFile<{ bsn: string }>(web.bundled.file, 'SELECT DISTINCT bsn FROM signals WHERE bsn IS NOT NULL').map((r) => r.bsn);
    for (const bsn of bsns) expect(rows.join('\n')).not.toContain(bsn);
  });

  it('refuses a month that was not triaged, and anonymous browsers', async () => {
    expect((await anna.get('/huisbezoeken?maand=2022-01')).status).toBe(400);
    expect((await anna.get('/huisbezoeken?maand=onzin')).status).toBe(400);
    expect((await anna.get('/huisbezoeken.csv?maand=2022-01')).status).toBe(404);
    await expectAnonymousRefused(web, '/huisbezoeken', '/huisbezoeken', {});
    const csv = await new Browser(web.app).get('/huisbezoeken.csv?maand=2022-02');
    expect(csv.status).toBe(303);
  });
});

/** The selectors of the rules inside the stylesheet's `@media print` blocks. */
function printRules(css: string): Set<string> {
  const selectors = new Set<string>();
  for (const block of css.split('@media print').slice(1)) {
    let depth = 0;
    let body = '';
    for (const ch of block) {
      if (ch === '{') depth++;
      if (depth >= 1) body += ch;
      if (ch === '}' && --depth === 0) break;
    }
    for (const rule of body.slice(1).matchAll(/([^{}]+)\{[^{}]*\}/g)) {
      for (const selector of rule[1]!.replace(/\/\*[^]*?\*\//g, '').split(',')) selectors.add(selector.trim());
    }
  }
  return selectors;
}
