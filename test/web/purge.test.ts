// Opschonen under Beheer: the preview says what `eropaf purge --dry-run` says, a stale preview
// removes nothing, and "Opschonen" removes exactly that, audited with the account.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { runEropaf } from '../e2e/helpers.js';
import { signedIn, webFixture, type Browser, type WebFixture } from './web-app.js';

let web: WebFixture;
let coord: Browser;
beforeAll(async () => {
  web = await webFixture('eropaf-web-purge-');
  // Four years on, every list of 2022 is past its term (as it is for the command line today).
  web.advance(4 * 365 * 24 * 60 * 60_000);
  coord = await signedIn(web.app, 'coord');
});
afterAll(() => web.close());

const personal = (): number => queryFile<{ n: number }>(web.bundled.file, 'SELECT count(*) AS n FROM signals WHERE bsn IS NOT NULL OR achternaam IS NOT NULL')[0]!.n;

describe('Opschonen', () => {
  it('is for the coordinator only', async () => {
    const anna = await signedIn(web.app, 'anna');
    expect((await anna.get('/beheer/opschonen')).status).toBe(403);
    expect((await anna.submit('/beheer/opschonen', { plan: 'x' })).status).toBe(403);
  });

  it('previews what `eropaf purge --dry-run` says, and a stale preview removes nothing', async () => {
    const cli = runEropaf(['purge', '--dry-run'], { cwd: web.bundled.dir, db: web.bundled.file });
    expect(cli.status).toBe(0);
    const said = cli.stdout.split('\n').find((l) => l.startsWith('Zou verwijderen'))!;
    expect(said).toBeDefined();
    const html = await (await coord.get('/beheer/opschonen')).text();
    expect(html).toContain(said);
    const before = personal();
    expect(before).toBeGreaterThan(0);
    expect((await coord.submit('/beheer/opschonen', { plan: '0'.repeat(64) })).status).toBe(200);
    expect(personal()).toBe(before);
  });

  it('removes the personal data on "Opschonen", audited with the account', async () => {
    const html = await (await coord.get('/beheer/opschonen')).text();
    const plan = /name="plan" value="([0-9a-f]{64})"/.exec(html)![1]!;
    const done = await coord.submit('/beheer/opschonen', { plan });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Verwijderd: de persoonsgegevens van');
    expect(personal()).toBe(0);
    expect(queryFile(web.bundled.file, "SELECT account FROM audit WHERE command = 'web purge'")).toEqual([{ account: 'coord' }]);
    expect(await (await coord.get('/beheer/opschonen')).text()).toContain('er is niets te verwijderen');
  });
});
