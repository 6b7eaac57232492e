// Zoeken: the search box on every page posts what was typed (never in a URL), and finds the
// household as `eropaf find` does: by reference, postcode and house number, phone or name, with
// its meldingen linked to their pages and the BSN masked.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { expectAnonymousRefused, expectForgedRefused } from './refusals.js';
import { signedIn, webFixture, type Browser, type WebFixture } from './web-app.js';

interface Known {
  january: string;
  february: string;
  postcode: string;
  huisnummer: string;
  telefoon: string;
  achternaam: string;
  bsn: string;
}

let web: WebFixture;
let coord: Browser;
let anna: Browser;
/** A household on both lists with a phone number, a surname and a BSN, as the database has it. */
let known: Known;
beforeAll(async () => {
  web = await webFixture('eropaf-web-search-');
  coord = await signedIn(web.app, 'coord');
  anna = await signedIn(web.app, 'anna');
  [known] = queryFile<Known>(
    web.bundled.file,
    `SELECT j.month || '-' || printf('%03d', j.seq) AS january, f.month || '-' || printf('%03d', f.seq) AS february,
            h.postcode, h.huisnummer, s.telefoon, s.achternaam, s.bsn
     FROM meldingen j JOIN meldingen f ON f.household_id = j.household_id AND f.month = '2022-02'
     JOIN households h ON h.id = j.household_id JOIN signals s ON s.melding_id = j.id
     WHERE j.month = '2022-01' AND s.telefoon IS NOT NULL AND s.achternaam IS NOT NULL AND s.bsn IS NOT NULL AND h.toevoeging = ''
     ORDER BY j.seq LIMIT 1`,
  ) as [Known];
  expect(known).toBeDefined();
});
afterAll(() => web.close());

async function search(browser: Browser, text: string): Promise<{ status: number; html: string }> {
  await browser.get('/');
  const response = await browser.submit('/zoeken', { zoek: text });
  return { status: response.status, html: await response.text() };
}

describe('the search box', () => {
  it('is on every page as a POST with the session token, labelled', async () => {
    for (const path of ['/', '/werklijst', `/melding/${known.january}`, '/zoeken']) {
      const html = await (await anna.get(path)).text();
      expect(html).toMatch(/<form method="post" action="\/zoeken" class="search" role="search"[^>]*><input type="hidden" name="_csrf" value="[^"]+"\/><label for="zoek-kop">Zoeken<\/label><input id="zoek-kop" name="zoek"/);
    }
  });

  it.each([
    ['reference', (k: Known) => k.february],
    ['postcode and house number', (k: Known) => `${k.postcode} ${k.huisnummer}`],
    ['phone number', (k: Known) => k.telefoon],
    ['surname', (k: Known) => k.achternaam],
  ])('finds the household by %s, with both its meldingen linked and the BSN masked', async (_, query) => {
    for (const browser of [anna, coord]) {
      const { status, html } = await search(browser, query(known));
      expect(status).toBe(200);
      expect(html).toContain(`<a href="/melding/${known.january}">${known.january}</a>`);
      expect(html).toContain(`<a href="/melding/${known.february}">${known.february}</a>`);
      expect(html).not.toContain(known.bsn);
      expect(html).toContain(`BSN ${'*'.repeat(known.bsn.length - 3)}${known.bsn.slice(-3)}`);
    }
  });

  it('says so when nothing is found', async () => {
    const { status, html } = await search(anna, '9999ZZ 1');
    expect(status).toBe(200);
    expect(html).toContain('Geen huishouden gevonden.');
  });

  it('shows what cannot be a search next to the field, as the command line says it', async () => {
    const { status, html } = await search(anna, '12');
    expect(status).toBe(422);
    expect(html).toMatch(/id="zoek-tekst"[^>]*aria-invalid="true" aria-describedby="zoek-tekst-uitleg zoek-tekst-fout"/);
    expect(html).toContain('<span id="zoek-tekst-fout" class="field-error">Eropaf zoekt op een meldingnummer, een postcode met huisnummer, een telefoonnummer of een naam; dit is geen van die vier.</span>');
    const empty = await search(anna, '  ');
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('Vul in wat u zoekt.');
  });

  it('is refused to anonymous browsers and to forged posts', async () => {
    await expectAnonymousRefused(web, '/zoeken', '/zoeken', { zoek: known.february });
    await anna.get('/');
    await expectForgedRefused(anna, '/zoeken', { zoek: known.february });
  });
});
