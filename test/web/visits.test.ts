// Huisbezoeken: the month's visit list in route order as `eropaf visits` gives it (the same use
// case), for both roles, mine by default; printable; and the CSV `eropaf visits --format csv` writes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVisitList } from '../../src/app/visit-list.js';
import { queryFile, TODAY } from '../app/bundled-store.js';
import { expectAnonymousRefused } from './refusals.js';
import { Browser, signedIn, webFixture, type WebFixture } from './web-app.js';

let web: WebFixture;
let coord: Browser;
let anna: Browser;
let annaId: number;
beforeAll(async () => {
  web = await webFixture('eropaf-web-visits-');
  coord = await signedIn(web.app, 'coord');
  anna = await signedIn(web.app, 'anna');
  annaId = queryFile<{ id: number }>(web.bundled.file, "SELECT id FROM workers WHERE name = 'Anna de Vries'")[0]!.id;
});
afterAll(() => web.close());

/** The references of the use case's list, in its (route) order. */
async function routeOrder(workerId: number | null): Promise<string[]> {
  const areas = await readVisitList(web.bundled.store, { month: '2022-02', workerId }, TODAY);
  return areas.flatMap((area) => area.visits.map((visit) => visit.entry.ref));
}

const refsOnPage = (html: string): string[] => [...html.matchAll(/<article class="visit" aria-labelledby="bezoek-([\d-]+)"/g)].map((m) => m[1]!);

describe('the visit list', () => {
  it("shows a medewerker their own visits of the last triaged month, in the use case's route order", async () => {
    const response = await anna.get('/huisbezoeken');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Huisbezoeken februari 2022</h1>');
    const mine = await routeOrder(annaId);
    expect(mine.length).toBeGreaterThan(0);
    expect(refsOnPage(html)).toEqual(mine);
    expect(html).toContain(`<a href="/melding/${mine[0]}">${mine[0]}</a>`);
  });

  it('shows the whole team on request, to either role, grouped by postcode area', async () => {
    const team = await routeOrder(null);
    for (const browser of [anna, coord]) {
      const html = await (await browser.get('/huisbezoeken?maand=2022-02&medewerker=alle')).text();
      expect(refsOnPage(html)).toEqual(team);
      expect(html).toMatch(/<h2 id="gebied-\d{4}">Postcodegebied \d{4} \(\d+\)<\/h2>/);
    }
    const bramId = queryFile<{ id: number }>(web.bundled.file, "SELECT id FROM workers WHERE name = 'Bram Jansen'")[0]!.id;
    const brams = await routeOrder(bramId);
    expect(refsOnPage(await (await coord.get(`/huisbezoeken?maand=2022-02&medewerker=${bramId}`)).text())).toEqual(brams);
    expect([...team].sort()).toEqual([...(await routeOrder(annaId)), ...brams].sort());
  });

  it('prints with room to write at the door, and without navigation or forms', async () => {
    const css = await (await anna.get('/static/eropaf.css')).text();
    const lastPrint = css.slice(css.lastIndexOf('@media print'));
    expect(lastPrint).toMatch(/\.visit \.write \{ display: grid; \}/);
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toContain('.top, .skip, .subnav, .filters, .forms, .downloads, form, button { display: none !important; }');
  });

  it('downloads as the CSV of `eropaf visits --format csv`: its columns, in route order, without BSN or phone', async () => {
    const response = await anna.get('/huisbezoeken.csv?maand=2022-02&medewerker=alle');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="huisbezoeken-2022-02.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(header).toBe('gebied;melding;medewerker;naam;adres;organisaties;totaal;eerdere_pogingen;reden;voorstel;contact_datum;contact_soort;bereikt;resultaat;notitie');
    expect(rows.map((row) => row.split(';')[1])).toEqual(await routeOrder(null));
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
