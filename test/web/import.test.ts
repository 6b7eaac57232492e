// Lijst inlezen: the coordinator uploads a list, sees the summary of `eropaf import --dry-run`,
// confirms, and the list is imported; the upload waits in a private file that is removed
// afterwards; every bad file of fixtures/fouten gives the command line's own messages.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { lijst, ROOT, runEropaf } from '../e2e/helpers.js';
import { copyDatabase, signedIn, webFixture, type Browser, type WebFixture } from './web-app.js';

let web: WebFixture;
let coord: Browser;
beforeAll(async () => {
  web = await webFixture('eropaf-web-import-');
  coord = await signedIn(web.app, 'coord');
  await coord.get('/inlezen');
});
afterAll(() => web.close());

const MARCH = lijst('2022-03');
const fileField = (file: string) => ({ name: path.basename(file), data: fs.readFileSync(file) });
const imports = (): unknown[] => queryFile(web.bundled.file, 'SELECT month, file_name, rows_read, signals_new FROM imports ORDER BY id');

/** The page's text as a person reads it: tags gone, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('Lijst inlezen', () => {
  it('is for the coordinator only', async () => {
    const anna = await signedIn(web.app, 'anna');
    expect((await anna.get('/inlezen')).status).toBe(403);
    expect((await anna.upload('/inlezen', { bestand: fileField(MARCH) })).status).toBe(403);
    expect(web.uploads.size).toBe(0);
  });

  it('carries the session token in the upload form', async () => {
    const html = await (await coord.get('/inlezen')).text();
    expect(html).toMatch(/<form method="post" action="\/inlezen" enctype="multipart\/form-data" novalidate(="")?><input type="hidden" name="_csrf" value="[^"]{43}"\/>/);
  });

  it('previews the dry run in a private file, imports on "Inlezen" as `eropaf import` does, and removes the file', async () => {
    const before = imports();
    const preview = await coord.follow(await coord.upload('/inlezen', { bestand: fileField(MARCH), maand: '' }));
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(imports()).toEqual(before);
    expect(web.uploads.size).toBe(1);
    const folder = web.uploads.folder!;
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    const [tokenDir] = fs.readdirSync(folder);
    const saved = path.join(folder, tokenDir!, 'vroegeropaf-2022-03.csv');
    expect(fs.statSync(saved).mode & 0o777).toBe(0o600);

    const dry = JSON.parse(runEropaf(['import', MARCH, '--dry-run', '--format', 'json'], { cwd: web.bundled.dir, db: web.bundled.file }).stdout) as {
      rowsRead: number;
      signals: { new: number };
    };
    const text = textOf(html);
    expect(text).toContain(`Regels gelezen\n\n${dry.rowsRead}`);
    expect(text).toContain(`Signalen nieuw\n\n${dry.signals.new}`);

    const token = /name="taak" value="([^"]+)"/.exec(html)![1]!;
    const done = await coord.follow(await coord.submit('/inlezen/bevestig', { taak: token }));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Ingelezen: vroegeropaf-2022-03.csv als maart 2022 (2022-03).');
    expect(imports()).toEqual([...before, { month: '2022-03', file_name: 'vroegeropaf-2022-03.csv', rows_read: dry.rowsRead, signals_new: dry.signals.new }]);
    expect(web.uploads.size).toBe(0);
    expect(fs.existsSync(path.dirname(saved))).toBe(false);
    const audit = queryFile<{ account: string; command: string }>(web.bundled.file, "SELECT account, command FROM audit WHERE command = 'web import'");
    expect(audit).toEqual([{ account: 'coord', command: 'web import' }]);
    // The same token cannot be used twice.
    expect((await coord.submit('/inlezen/bevestig', { taak: token })).status).toBe(400);
  });

  it('says a list was already imported, and keeps nothing', async () => {
    const again = await coord.follow(await coord.upload('/inlezen', { bestand: fileField(MARCH) }));
    expect(await again.text()).toContain('is al eerder ingelezen');
    expect(web.uploads.size).toBe(0);
  });

  it('refuses an upload of another session, and one not confirmed within half an hour', async () => {
    const html = await (await coord.follow(await coord.upload('/inlezen', { bestand: fileField(lijst('2022-04')) }))).text();
    const token = /name="taak" value="([^"]+)"/.exec(html)![1]!;
    const other = await signedIn(web.app, 'coord');
    expect((await other.submit('/inlezen/bevestig', { taak: token })).status).toBe(400);
    expect(web.uploads.size).toBe(1);
    const [uploadDir] = fs.readdirSync(web.uploads.folder!);
    const stale = path.join(web.uploads.folder!, uploadDir!);
    expect(fs.existsSync(stale)).toBe(true);
    // Half an hour later (the session has ended too): the next upload sweeps the stale one away.
    web.advance(31 * 60_000);
    coord = await signedIn(web.app, 'coord');
    await coord.get('/inlezen');
    expect((await coord.follow(await coord.upload('/inlezen', { bestand: fileField(lijst('2022-05')) }))).status).toBe(200);
    expect(fs.existsSync(stale)).toBe(false);
    expect(web.uploads.size).toBe(1);
    expect((await coord.submit('/inlezen/bevestig', { taak: token })).status).toBe(400);
    expect(imports()).not.toContainEqual(expect.objectContaining({ month: '2022-04' }));
    web.uploads.sweep();
  });

  it('with "skip the bad rows" imports the good ones and offers the rejects of `eropaf import --skip-invalid`', async () => {
    const bad = path.join(ROOT, 'fixtures', 'fouten', 'bsn-elfproef-2022-03.csv');
    const copy = copyDatabase(web, 'cli-skip.db');
    const cliRejects = path.join(web.bundled.dir, 'cli.afgewezen.csv');
    const cli = runEropaf(['import', bad, '--month', '2022-07', '--skip-invalid', '--rejects', cliRejects], { cwd: web.bundled.dir, db: copy });
    expect(cli.status).toBe(0);

    await coord.get('/inlezen');
    const preview = await coord.follow(await coord.upload('/inlezen', { bestand: fileField(bad), maand: '2022-07', overslaan: 'ja' }));
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(textOf(html)).toContain('Regels afgewezen\n\n1');
    const token = /name="taak" value="([^"]+)"/.exec(html)![1]!;
    const done = await coord.follow(await coord.submit('/inlezen/bevestig', { taak: token }));
    expect(done.status).toBe(200);
    const link = /href="(\/inlezen\/afgewezen\/[^"]+)"/.exec(await done.text())![1]!;
    const download = await coord.get(link);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="bsn-elfproef-2022-03.afgewezen.csv"');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(fs.readFileSync(cliRejects));
    const stored = "SELECT rows_read, signals_new, rows_rejected FROM imports WHERE month = '2022-07'";
    expect(queryFile(web.bundled.file, stored)).toEqual(queryFile(copy, stored));
    // Another session cannot fetch it; after half an hour it is gone.
    const other = await signedIn(web.app, 'coord');
    expect((await other.get(link)).status).toBe(404);
    web.advance(31 * 60_000);
    coord = await signedIn(web.app, 'coord');
    expect(web.uploads.find(link.split('/').pop(), 'x')).toBeUndefined();
    expect(web.uploads.size).toBe(0);
  });

  it('takes a supplementary list only when it is said to be one, as `import --aanvulling`', async () => {
    const supplement = new TextEncoder().encode(
      [
        'Kenmerk;Signaaldatum;Datum ontstaan;Type signaalpartner;Schuldeiser;Bedrag achterstand;BSN;Voorletters;Voorvoegsel;Achternaam;Geboortedatum;Geslacht;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;E-mail;Crisissignaal;Warme overdracht',
        'AANV-1;20-01-2022;01-11-2021;Huur;Woonstichting Testwijk;1.250,00;;T.;;Aanvulling;01-01-1970;Vrouw;Proefstraat;901;;2106 ZZ;Heemstede;06-99000001;;Nee;Nee',
      ].join('\r\n'),
    );
    const file = path.join(web.bundled.dir, 'aanvulling-2022-01.csv');
    fs.writeFileSync(file, supplement);
    const cli = runEropaf(['import', file, '--dry-run'], { cwd: web.bundled.dir, db: web.bundled.file });
    expect(cli.status).not.toBe(0);
    await coord.get('/inlezen');
    const refused = await coord.follow(await coord.upload('/inlezen', { bestand: { name: 'aanvulling-2022-01.csv', data: supplement } }));
    expect(refused.status).toBe(422);
    expect(textOf(await refused.text())).toContain(cli.stderr.split('\n')[0]!.replace(/^fout: /, '').replace(`${web.bundled.dir}/`, ''));
    const preview = await coord.follow(await coord.upload('/inlezen', { bestand: { name: 'aanvulling-2022-01.csv', data: supplement }, aanvulling: 'ja' }));
    expect(preview.status).toBe(200);
    const token = /name="taak" value="([^"]+)"/.exec(await preview.text())![1]!;
    expect((await coord.follow(await coord.submit('/inlezen/bevestig', { taak: token }))).status).toBe(200);
    expect(imports()).toContainEqual({ month: '2022-01', file_name: 'aanvulling-2022-01.csv', rows_read: 1, signals_new: 1 });
  });

  it('gives every bad file of fixtures/fouten the messages of `eropaf import`', async () => {
    const dir = path.join(ROOT, 'fixtures', 'fouten');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(20);
    const before = imports();
    web.uploads.sweep();
    const waiting = web.uploads.size;
    let accepted = 0;
    for (const name of files) {
      const cli = runEropaf(['import', name, '--dry-run'], { cwd: dir, db: web.bundled.file });
      await coord.get('/inlezen');
      const response = await coord.follow(await coord.upload('/inlezen', { bestand: fileField(path.join(dir, name)) }));
      // "Today" is the clock's: the web app's is fixed, the command line's is the real one.
      const today = (t: string): string => t.replace(/vandaag \(\d{4}-\d{2}-\d{2}\)/g, 'vandaag (…)');
      const html = await response.text();
      const text = today(textOf(html));
      if (cli.status === 0) {
        expect({ name, status: response.status }).toEqual({ name, status: 200 });
        // A preview waits for "Inlezen"; a list imported before is said so and kept not.
        if (html.includes('name="taak"')) accepted++;
        else expect(text).toContain('is al eerder ingelezen');
        continue;
      }
      expect({ name, status: response.status }).toEqual({ name, status: 422 });
      const lines = cli.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('let op:'));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const said = today(line.replace(/^fout: /, '').trim());
        expect({ name, found: text.includes(said) ? said : `MISSING: ${said}` }).toEqual({ name, found: said });
      }
    }
    expect(imports()).toEqual(before);
    // Refused files are gone at once; accepted ones wait for "Inlezen" (or half an hour).
    expect(web.uploads.size).toBe(waiting + accepted);
  }, 120_000);
});
