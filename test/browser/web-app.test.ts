// The callbacks given to page.evaluate() run in the browser: they are type-checked against the DOM.
/// <reference lib="dom" />
// The web app in a real browser (Debian's Chromium through playwright-core): a medewerker signs
// in and records an attempt on the worklist with the keyboard only, every page passes axe-core
// without serious or critical violations, and the pages fit a 200% zoomed window. The server
// listens on 127.0.0.1 only, on a free port, for this file's duration.
//
// Needs the `chromium` package (apt-get install chromium); without it this file is skipped and
// says so, except where EROPAF_TEST_BROWSER=1 (CI sets it): there a missing browser fails.

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { ROOT } from '../e2e/helpers.js';
import { PASSWORD, webFixture, type WebFixture } from '../web/web-app.js';

function chromiumPath(): string | null {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const CHROMIUM = chromiumPath();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type Playwright = typeof import('playwright-core');
type Browser = Awaited<ReturnType<Playwright['chromium']['launch']>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

const SUITE = CHROMIUM === null ? 'in Chromium — SKIPPED: the chromium package is not installed (apt-get install chromium)' : 'in Chromium';

// Registered only where the browser is missing and required, so a machine with Chromium counts no skipped test.
if (CHROMIUM === null && process.env.EROPAF_TEST_BROWSER === '1') {
  it('has Chromium where EROPAF_TEST_BROWSER=1 asks for it', () => {
    expect(CHROMIUM, 'install it: apt-get update && apt-get install -y chromium').not.toBeNull();
  });
}

describe.skipIf(CHROMIUM === null)(SUITE, () => {
  let web: WebFixture;
  let server: ServerType;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    web = await webFixture('eropaf-browser-');
    base = await new Promise<string>((resolve) => {
      server = serve({ fetch: web.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(`http://127.0.0.1:${info.port}`));
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ARGS, timeout: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    web?.close();
  });

  /** A fresh browser window; the CSP is bypassed only so that axe can be injected. */
  async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: true, viewport });
    return context.newPage();
  }

  async function signIn(page: Page, name: string): Promise<void> {
    await page.goto(`${base}/inloggen`);
    await page.getByLabel('Gebruikersnaam').fill(name);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${base}/`);
  }

  async function seriousViolations(page: Page): Promise<unknown[]> {
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as {
      violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }>;
    };
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) }));
  }

  it('a medewerker signs in and records an attempt on the worklist with the keyboard only', async () => {
    const page = await newPage();
    await page.goto(`${base}/inloggen`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('gebruikersnaam'); // autofocus
    await page.keyboard.type('anna');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/`);

    await page.goto(`${base}/werklijst`);
    const ref = await page.locator('article.melding').first().getAttribute('id');
    const id = ref!; // m-2022-02-…
    // From the melding's title link onwards, everything by Tab, typing and keys.
    await page.locator(`#${id}-titel a`).focus();
    const focused = (): Promise<string | undefined> => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name || document.activeElement?.id);
    // Date and time inputs take a Tab per part (day, month, year; hours, minutes): tab on until
    // the field wanted has the focus, a bounded number of times.
    const tabTo = async (name: string): Promise<void> => {
      for (let i = 0; i < 20 && (await focused()) !== name; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(name);
    };
    await tabTo('soort');
    await page.keyboard.press('ArrowDown'); // Telefoon, the first kind
    await tabTo('bereikt'); // past datum (today) and tijd (now), both filled in
    await page.keyboard.press('Space'); // ja
    await tabTo('notitie');
    await page.keyboard.type('teruggebeld');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Poging vastleggen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/vastgelegd=/);
    expect(await page.getByRole('status').first().textContent()).toContain(`Vastgelegd bij melding ${id.slice(2)}`);
    const stored = queryFile<{ soort: string; bereikt: number; notitie: string }>(
      web.bundled.file,
      "SELECT soort, bereikt, notitie FROM contacts c JOIN meldingen m ON m.id = c.melding_id WHERE m.month || '-' || printf('%03d', m.seq) = ?",
      id.slice(2),
    );
    expect(stored).toEqual([{ soort: 'Telefoon', bereikt: 1, notitie: 'teruggebeld' }]);
  }, 60_000);

  it('every page passes axe-core without serious or critical violations', async () => {
    const page = await newPage();
    await page.goto(`${base}/inloggen`);
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, 'coord');
    for (const path of ['/', '/werklijst?maand=2022-02&medewerker=alle', '/melding/2022-02-001', '/tabel?van=2022-01&tot=2022-06', '/triage?maand=2022-01', '/inlezen', '/beheer/gebruikers', '/beheer/medewerkers', '/beheer/instellingen', '/beheer/logboek', '/cijfers?van=2022-01&tot=2022-06', '/uitkomsten', '/beheer/opschonen', '/zoeken', '/huisbezoeken?maand=2022-02&medewerker=alle', '/levering', '/bestaat-niet']) {
      await page.goto(`${base}${path}`);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
    // A refused form shows its errors; they too must pass.
    await page.goto(`${base}/werklijst?maand=2022-02&medewerker=alle`);
    const first = page.locator('article.melding').first();
    await first.locator('input[name="datum"]').first().fill('2099-01-01');
    await first.getByRole('button', { name: 'Poging vastleggen' }).click();
    await page.waitForLoadState();
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The search box of the header, by keyboard: found households, and what cannot be a search.
    for (const query of ['2022-02-001', '12']) {
      await page.goto(`${base}/`);
      await page.getByRole('searchbox', { name: 'Zoeken' }).focus();
      await page.keyboard.type(query);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/zoeken`);
      expect({ query, violations: await seriousViolations(page) }).toEqual({ query, violations: [] });
    }
    expect(await page.locator('#zoek-tekst[aria-invalid="true"]').count()).toBe(1);
    // A refused result on a melding page, by its field.
    const [picked] = queryFile<{ ref: string }>(
      web.bundled.file,
      "SELECT m.month || '-' || printf('%03d', m.seq) AS ref FROM meldingen m JOIN decisions d ON d.melding_id = m.id WHERE d.kind IN ('altijd', 'capaciteit') ORDER BY m.seq DESC LIMIT 1",
    );
    await page.goto(`${base}/melding/${picked!.ref}`);
    await page.locator('#resultaat-datum').fill('');
    await page.getByRole('button', { name: 'Resultaat vastleggen' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#resultaat-res[aria-invalid="true"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // A refused DDAS form, its errors by the fields.
    await page.goto(`${base}/levering`);
    await page.getByRole('button', { name: 'Levering downloaden' }).click();
    await page.waitForLoadState();
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The upload's preview, and a refused list with its problems.
    // The preview runs in the background; its page reloads itself until the outcome is there.
    for (const [file, outcome] of [
      ['fixtures/lijsten/vroegeropaf-2022-03.csv', 'Voorbeeld: zo wordt de lijst ingelezen'],
      ['fixtures/fouten/bsn-elfproef-2022-03.csv', 'Er is niets ingelezen.'],
    ] as const) {
      await page.goto(`${base}/inlezen`);
      await page.getByLabel('Maandlijst (CSV, zoals de gemeente hem levert)').setInputFiles(path.join(ROOT, file));
      await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
      await page.getByText(outcome).first().waitFor();
      await page.waitForLoadState();
      expect({ file, violations: await seriousViolations(page) }).toEqual({ file, violations: [] });
    }
    // A month triaged through the web: its preview and its run are jobs whose page reloads itself.
    await page.goto(`${base}/triage?maand=2022-01`);
    await page.getByText('Voorbeeld: triage van januari 2022').waitFor();
    await page.waitForLoadState();
    expect(await seriousViolations(page)).toEqual([]);
    const decided = (): number => queryFile<{ n: number }>(web.bundled.file, "SELECT count(*) AS n FROM decisions d JOIN meldingen m ON m.id = d.melding_id WHERE m.month = '2022-01'")[0]!.n;
    expect(decided()).toBe(0);
    await page.getByRole('button', { name: 'Triëren' }).click();
    await page.getByText('januari 2022 is getrieerd.').waitFor();
    await page.waitForLoadState();
    expect(await seriousViolations(page)).toEqual([]);
    expect(decided()).toBeGreaterThan(0);
  }, 180_000);

  it('pages fit a window zoomed to 200% without scrolling sideways', async () => {
    const page = await newPage({ width: 640, height: 450 });
    await signIn(page, 'coord');
    for (const path of ['/', '/werklijst?maand=2022-02&medewerker=alle', '/melding/2022-02-001', '/tabel?van=2022-01&tot=2022-06', '/triage?maand=2022-01', '/inlezen', '/beheer/gebruikers', '/beheer/medewerkers', '/beheer/instellingen', '/beheer/logboek', '/cijfers?van=2022-01&tot=2022-06', '/zoeken', '/huisbezoeken?maand=2022-02&medewerker=alle', '/levering']) {
      await page.goto(`${base}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
  }, 60_000);
});
