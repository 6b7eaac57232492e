// Ingevulde werklijst teruglezen: a medewerker downloads the worklist, fills it in as in Excel,
// uploads it, sees what `eropaf outcomes --dry-run` would record, confirms, and exactly that is
// stored, as `eropaf outcomes` stores it; a bad row stops the file with the command line's message.

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatExcelCsv } from '../../src/csv/excel-csv.js';
import { queryFile } from '../app/bundled-store.js';
import { runEropaf } from '../e2e/helpers.js';
import { copyDatabase, signedIn, webFixture, type Browser, type WebFixture } from './web-app.js';

let web: WebFixture;
let anna: Browser;
beforeAll(async () => {
  web = await webFixture('eropaf-web-outcomes-');
  anna = await signedIn(web.app, 'anna');
});
afterAll(() => web.close());

const FOLLOW_UP = `SELECT m.seq, c.soort, c.bereikt, c.datum, c.notitie, r.resultaat, r.closed_on FROM meldingen m
  LEFT JOIN contacts c ON c.melding_id = m.id LEFT JOIN results r ON r.melding_id = m.id AND r.source = 'medewerker'
  WHERE c.id IS NOT NULL OR r.melding_id IS NOT NULL ORDER BY m.seq, c.id`;

/** Anna's worklist as downloaded, with the first two rows filled in. */
async function filledWorklist(fill: (row: Record<string, string>, i: number) => void): Promise<Uint8Array> {
  const csv = await (await anna.get('/werklijst.csv?maand=2022-02')).text();
  const rows = parse(csv, { delimiter: ';', columns: true }) as Array<Record<string, string>>;
  rows.slice(0, 2).forEach(fill);
  const header = Object.keys(rows[0]!);
  return new TextEncoder().encode(formatExcelCsv(header, rows.map((r) => header.map((h) => r[h]!)), { delimiter: ';', bom: true }));
}

describe('a filled-in worklist', () => {
  it('is previewed, confirmed and stored as `eropaf outcomes` stores it', async () => {
    const data = await filledWorklist((row, i) => {
      row.contact_datum = '28-06-2022';
      row.contact_soort = i === 0 ? 'telefoon' : 'huisbezoek';
      row.bereikt = i === 0 ? 'ja' : 'nee';
      if (i === 0) row.resultaat = 'advies';
    });
    const file = path.join(web.bundled.dir, 'werklijst-2022-02.csv');
    fs.writeFileSync(file, data);
    const copy = copyDatabase(web, 'cli.db');
    expect(runEropaf(['outcomes', file], { cwd: web.bundled.dir, db: copy }).status).toBe(0);

    await anna.get('/uitkomsten');
    const preview = await anna.upload('/uitkomsten', { bestand: { name: 'werklijst-2022-02.csv', data } });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('2 contactpogingen, 1 resultaat');
    expect(queryFile(web.bundled.file, FOLLOW_UP)).toEqual([]);
    const token = /name="upload" value="([^"]+)"/.exec(html)![1]!;
    const done = await anna.submit('/uitkomsten/bevestig', { upload: token });
    expect(done.status).toBe(200);
    const stored = queryFile(web.bundled.file, FOLLOW_UP);
    expect(stored).toHaveLength(2);
    expect(stored).toEqual(queryFile(copy, FOLLOW_UP));
    expect(web.uploads.size).toBe(0);
    expect(queryFile(web.bundled.file, "SELECT account FROM audit WHERE command = 'web outcomes'")).toEqual([{ account: 'anna' }]);
  });

  it('with a bad row stores nothing and says what the command line says', async () => {
    const data = await filledWorklist((row) => {
      row.contact_datum = '28-06-2022';
      row.contact_soort = 'fax';
      row.bereikt = 'ja';
    });
    const file = path.join(web.bundled.dir, 'fout-2022-02.csv');
    fs.writeFileSync(file, data);
    const cli = runEropaf(['outcomes', file, '--dry-run'], { cwd: web.bundled.dir, db: web.bundled.file });
    expect(cli.status).toBe(1);
    const before = queryFile(web.bundled.file, FOLLOW_UP);
    await anna.get('/uitkomsten');
    const refused = await anna.upload('/uitkomsten', { bestand: { name: 'fout-2022-02.csv', data } });
    expect(refused.status).toBe(422);
    const text = (await refused.text()).replace(/&quot;/g, '"');
    for (const line of cli.stderr.split('\n').filter((l) => l.trim() !== '')) {
      expect(text).toContain(line.replace(/^fout: /, '').trim().replace(new RegExp(`${web.bundled.dir}/`, 'g'), ''));
    }
    expect(queryFile(web.bundled.file, FOLLOW_UP)).toEqual(before);
    expect(web.uploads.size).toBe(0);
  });
});
