// DDAS-levering: the coordinator downloads the national delivery of a half year, with the
// details saved by `config set ddas.…` and overridden in the form, through the same app function
// as `eropaf export ddas`; a delivery of several parts is left to the command line; a medewerker
// is refused.

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ddasValidator } from '../../src/app/ddas/validate-delivery.js';
import { addGemeente, nameGemeente } from '../../src/app/gemeenten.js';
import { changeSetting } from '../../src/app/settings.js';
import { createApp } from '../../src/web/app.js';
import { queryFile } from '../app/bundled-store.js';
import { expectAnonymousRefused, expectForgedRefused } from './refusals.js';
import { signedIn, START, webFixture, type Browser, type WebFixture } from './web-app.js';

const VERSION = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let web: WebFixture;
let coord: Browser;
let anna: Browser;
beforeAll(async () => {
  web = await webFixture('eropaf-web-ddas-');
  coord = await signedIn(web.app, 'coord');
  anna = await signedIn(web.app, 'anna');
});
afterAll(() => web.close());

const deliveries = (): number => queryFile<{ n: number }>(web.bundled.file, 'SELECT count(*) AS n FROM deliveries')[0]!.n;

/** Every detail field empty: the saved values count. */
const EMPTY = { organisatie: '', kvk: '', 'contact-naam': '', 'contact-email': '', 'contact-telefoon': '', functietitel: '', leverancier: '', gemeentecode: '' };

async function deliver(browser: Browser, fields: Record<string, string>): Promise<Response> {
  await browser.get('/levering');
  return browser.submit('/levering', { halfjaar: '2022-1', ...EMPTY, ...fields });
}

describe('the DDAS delivery page', () => {
  it('is for the coordinator only: a medewerker gets 403, also on a post, and it is not in their menu', async () => {
    expect((await anna.get('/levering')).status).toBe(403);
    await anna.get('/');
    expect((await anna.submit('/levering', { halfjaar: '2022-1', 'contact-email': 'a@voorbeeld.nl' })).status).toBe(403);
    expect(await (await anna.get('/')).text()).not.toContain('href="/levering"');
    const page = await coord.get('/levering');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<option value="2022-1" selected="">2022 januari t/m juni (6 maanden)</option>');
    expect(html).toMatch(/<label for="ddas-contact-email">E-mailadres voor de terugmelding van het CBS<\/label><span id="ddas-contact-email-uitleg" class="hint">Nog niet bewaard; vul het hier in, of bewaar het onder Beheer &gt; Instellingen\./);
    expect(deliveries()).toBe(0);
  });

  it('is refused to anonymous browsers and to forged posts', async () => {
    await expectAnonymousRefused(web, '/levering', '/levering', { halfjaar: '2022-1' });
    await coord.get('/levering');
    await expectForgedRefused(coord, '/levering', { halfjaar: '2022-1', 'contact-email': 'a@voorbeeld.nl' });
    expect(deliveries()).toBe(0);
  });

  it("names a missing or wrong detail by its field, with the command line's explanation, and delivers nothing", async () => {
    const missing = await deliver(coord, { organisatie: 'WIJ Heemstede', gemeentecode: '0397' });
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toMatch(/id="ddas-contact-email"[^>]*aria-invalid="true" aria-describedby="ddas-contact-email-uitleg ddas-contact-email-fout"/);
    expect(html).toContain('<span id="ddas-contact-email-fout" class="field-error">E-mailadres voor de terugmelding van het CBS ontbreekt: het CBS stuurt zijn terugmelding over de levering naar dit adres.</span>');
    const wrong = await deliver(coord, { organisatie: 'WIJ Heemstede', gemeentecode: '0397', 'contact-email': 'vroegeropaf@example.nl', kvk: '123' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('<span id="ddas-kvk-fout" class="field-error">KvK-nummer 123: verwacht een KvK-nummer van acht cijfers.</span>');
    const noLists = await deliver(coord, { halfjaar: '2021-2', 'contact-email': 'vroegeropaf@example.nl' });
    expect(noLists.status).toBe(422);
    expect(await noLists.text()).toContain('Kies een half jaar uit de lijst.');
    expect(deliveries()).toBe(0);
  });

  it('downloads a valid delivery with the saved details, a field overriding one, recorded and audited without the contact', async () => {
    for (const [key, value] of [
      ['ddas.organisatie', 'WIJ Heemstede'],
      ['ddas.contact-email', 'vroegeropaf@example.nl'],
      ['ddas.contact-naam', 'C. Oördinator'],
      ['ddas.gemeentecode', '0397'],
    ] as const) {
      await changeSetting(web.bundled.store, key, value);
    }
    const page = await (await coord.get('/levering')).text();
    expect(page).toContain('Leeg laten: de bewaarde waarde, WIJ Heemstede.');
    const response = await deliver(coord, { 'contact-naam': 'A. Nder' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="levering-0397-2022-H1.json"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const delivery = (await response.json()) as { codeGegevensleverancier: string; leveringen: Array<{ gemeentecode: string; aanleverendeOrganisatie: { naam: string; contactpersonen: Array<Record<string, string>> } }> };
    expect(ddasValidator()(delivery)).toEqual([]);
    expect(delivery.codeGegevensleverancier).toBe(`eropaf ${VERSION}`);
    const [levering] = delivery.leveringen;
    expect(levering!.gemeentecode).toBe('0397');
    expect(levering!.aanleverendeOrganisatie.naam).toBe('WIJ Heemstede');
    expect(levering!.aanleverendeOrganisatie.contactpersonen[0]).toMatchObject({ naam: 'A. Nder' });
    expect(deliveries()).toBe(1);
    const [audit] = queryFile<{ account: string; options: string; counts: string }>(web.bundled.file, "SELECT account, options, counts FROM audit WHERE command = 'web export ddas'");
    expect(audit!.account).toBe('coord');
    expect(JSON.parse(audit!.options)).toEqual({ van: '2022-01', tot: '2022-06', gemeentecode: '0397' });
    expect(JSON.parse(audit!.counts)).toMatchObject({ delen: 1 });
    expect(audit!.options + audit!.counts).not.toMatch(/example\.nl|Nder/);
  });

  it('refuses a delivery of several parts, naming the command that writes them, and records nothing', async () => {
    const time = Date.parse(START);
    const small = createApp({ store: web.bundled.store, clock: () => new Date(time), secure: false, behindProxy: false, osUser: 'test', uploads: web.uploads, ddasMaxSignalsPerFile: 10 });
    const browser = await signedIn(small, 'coord');
    const before = deliveries();
    const response = await deliver(browser, {});
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/<p id="ddas-halfjaar-fout" class="field-error">De levering heeft \d+ vroegsignalen, meer dan in één bestand mag; ze komt in \d+ delen\./);
    expect(html).toContain('eropaf export ddas --from 2022-01 --to 2022-06 --out levering.json');
    expect(deliveries()).toBe(before);
  });
});

describe('with several gemeenten', () => {
  it("asks which gemeente, delivers each under its own code, and says when one has no meldingen in the half year", async () => {
    await nameGemeente(web.bundled.store, '0397', 'Heemstede');
    const amstelveen = await addGemeente(web.bundled.store, '0362', 'Amstelveen');
    const heemstede = (await web.bundled.store.gemeenten()).find((g) => g.code === '0397')!;
    const page = await (await coord.get('/levering')).text();
    expect(page).toContain('<label for="ddas-gemeente">Gemeente</label>');
    // Every gemeente has its code now: no field for one.
    expect(page).not.toContain('id="ddas-gemeentecode"');

    const unchosen = await deliver(coord, {});
    expect(unchosen.status).toBe(422);
    expect(await unchosen.text()).toContain('<p id="ddas-gemeente-fout" class="field-error">Kies de gemeente: elke gemeente krijgt haar eigen levering.</p>');
    const empty = await deliver(coord, { gemeente: String(amstelveen.id) });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Er zijn geen meldingen in 2022 januari t/m juni (6 maanden).');
    const before = deliveries();
    const delivered = await deliver(coord, { gemeente: String(heemstede.id) });
    expect(delivered.status).toBe(200);
    expect(delivered.headers.get('content-disposition')).toBe('attachment; filename="levering-0397-2022-H1.json"');
    expect(((await delivered.json()) as { leveringen: Array<{ gemeentecode: string }> }).leveringen.map((l) => l.gemeentecode)).toEqual(['0397']);
    expect(deliveries()).toBe(before + 1);
  });
});
