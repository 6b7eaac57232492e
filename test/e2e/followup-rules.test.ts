// End to end: follow-up that would contradict itself is refused (issue 11 "Follow-up that
// contradicts itself", issue 12 "Results that agree"), and `pickup` is the way to work on a
// melding that was not picked up. January is triaged with little capacity and then closed by
// February's triage, so most of January is "Niet opgepakt: andere reden".

import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { lijst, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;
const ws = workspace('eropaf-e2e-followup-rules-');

function ok(result: RunResult): RunResult {
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** Contacts, results and decisions: what a refused command must leave as it was. */
function snapshot(): string {
  return withDb(ws.db, (db) =>
    JSON.stringify(['contacts', 'results', 'decisions'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())),
  );
}

/** January references by what the triage decided, in order. */
function refs(where: string): string[] {
  return withDb(ws.db, (db) =>
    db
      .prepare(
        `SELECT printf('%s-%03d', m.month, m.seq) FROM meldingen m JOIN melding_status s ON s.melding_id = m.id
         WHERE m.month = '2022-01' AND ${where} ORDER BY m.seq`,
      )
      .pluck()
      .all() as string[],
  );
}

function stateOf(ref: string): { kind: string; worker: string | null; resultaat: string | null; contacts: number; opgevolgd: number } {
  return withDb(ws.db, (db) =>
    db
      .prepare(
        `SELECT d.kind, w.name AS worker, r.resultaat, (SELECT count(*) FROM contacts c WHERE c.melding_id = m.id) AS contacts, m.opgevolgd
         FROM meldingen m JOIN decisions d ON d.melding_id = m.id LEFT JOIN workers w ON w.id = d.worker_id
         LEFT JOIN results r ON r.melding_id = m.id WHERE m.month = ? AND m.seq = ?`,
      )
      .get(ref.slice(0, 7), Number(ref.slice(8))) as never,
  );
}

function csvFile(name: string, records: Array<Record<string, string>>): string {
  fs.writeFileSync(ws.file(name), `\ufeff${stringify(records, { header: true, delimiter: ';', record_delimiter: '\r\n' })}`);
  return name;
}

function row(melding: string, fill: Partial<Record<'contact_datum' | 'contact_soort' | 'bereikt' | 'resultaat', string>>): Record<string, string> {
  return { melding, contact_datum: '', contact_soort: '', bereikt: '', resultaat: '', notitie: '', ...fill };
}

let closed: string[];
let picked: string[];

beforeAll(async () => {
  ok(await ws.run(['import', lijst('2022-01')]));
  ok(await ws.run(['import', lijst('2022-02')]));
  ok(await ws.run(['workers', 'add', 'Anna de Vries', '--capacity', '10']));
  ok(await ws.run(['workers', 'add', 'Bram Jansen', '--capacity', '0']));
  ok(await ws.run(['triage', '--month', '2022-01']));
  ok(await ws.run(['triage', '--month', '2022-02']));
  closed = refs("s.decision = 'uitgesteld' AND s.resultaat = 'Niet opgepakt: andere reden'");
  picked = refs("s.decision IN ('altijd', 'capaciteit')");
  expect(closed.length).toBeGreaterThan(5);
  expect(picked.length).toBeGreaterThan(5);
}, TIMEOUT);

describe('a melding that was not picked up', () => {
  it('refuses an attempt and a result, naming pickup, and stores nothing', async () => {
    const before = snapshot();
    const contact = await ws.run(['contact', closed[0]!, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-01-20']);
    expect(contact.status).toBe(1);
    expect(contact.stderr).toContain('niet opgepakt');
    expect(contact.stderr).toContain(`eropaf pickup ${closed[0]}`);
    const close = await ws.run(['close', closed[0]!, '--result', 'advies']);
    expect(close.status).toBe(1);
    expect(close.stderr).toContain(`eropaf pickup ${closed[0]}`);
    expect(snapshot()).toBe(before);
    expect(stateOf(closed[0]!).opgevolgd).toBe(0);
  }, TIMEOUT);

  it('is picked up explicitly: assigned, its Niet opgepakt result gone, audited; then follow-up is accepted', async () => {
    const ref = closed[1]!;
    const result = ok(await ws.run(['oppakken', ref, '--worker', 'anna de vries']));
    expect(result.stdout).toContain(ref);
    expect(result.stdout).toContain('Anna de Vries');
    expect(stateOf(ref)).toMatchObject({ kind: 'capaciteit', worker: 'Anna de Vries', resultaat: null, opgevolgd: 0 });
    const audit = ok(await ws.run(['audit', '--format', 'json']));
    const last = (JSON.parse(audit.stdout) as Array<{ command: string; counts: Record<string, number> }>).at(-1)!;
    expect(last.command).toBe('pickup');
    expect(last.counts).toEqual({ opgepakt: 1, resultaten_verwijderd: 1 });

    ok(await ws.run(['contact', ref, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-01-20']));
    expect(stateOf(ref)).toMatchObject({ contacts: 1, opgevolgd: 1 });
  }, TIMEOUT);

  it('pickup without --worker names the workers when it cannot choose, and refuses a picked-up melding', async () => {
    const noWorker = await ws.run(['pickup', closed[2]!]);
    expect(noWorker.status).toBe(2);
    expect(noWorker.stderr).toContain('--worker');
    const already = await ws.run(['pickup', picked[0]!, '--worker', 'Anna de Vries']);
    expect(already.status).toBe(1);
    expect(already.stderr).toContain('al opgepakt');
  }, TIMEOUT);

  it('outcomes names every problem of the file in one pass and records nothing', async () => {
    const before = snapshot();
    const file = csvFile('fouten.csv', [
      row(picked[1]!, { contact_datum: '18-01-2022', contact_soort: 'fax', bereikt: 'ja' }),
      row('2022-01-999', { contact_datum: '18-01-2022', contact_soort: 'telefoon', bereikt: 'ja' }),
      row(picked[2]!, { contact_datum: '20-12-2021', contact_soort: 'telefoon', bereikt: 'ja' }),
      row(closed[3]!, { contact_datum: '18-01-2022', contact_soort: 'telefoon', bereikt: 'nee' }),
      row(picked[3]!, { contact_datum: '18-01-2022', contact_soort: 'telefoon', bereikt: 'ja' }),
    ]);
    const result = await ws.run(['outcomes', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('4 fouten');
    expect(result.stderr).toMatch(/regel 2, kolom "contact_soort"/);
    expect(result.stderr).toMatch(/regel 3\b.*2022-01-999 bestaat niet/);
    expect(result.stderr).toMatch(/regel 4\b.*2022-01-01/);
    expect(result.stderr).toMatch(new RegExp(`regel 5\\b.*${closed[3]} is niet opgepakt`));
    expect(result.stderr).toContain(`eropaf pickup ${closed[3]}`);
    expect(snapshot()).toBe(before);
  }, TIMEOUT);
});

describe('the date of an attempt', () => {
  it('is refused before the first day of the list month', async () => {
    const before = snapshot();
    const result = await ws.run(['contact', picked[0]!, '--type', 'telefoon', '--reached', 'ja', '--date', '2021-12-20']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2022-01-01');
    expect(snapshot()).toBe(before);
  }, TIMEOUT);

  it('is refused after today in outcomes too', async () => {
    const file = csvFile('toekomst.csv', [row(picked[0]!, { contact_datum: '01-01-2099', contact_soort: 'telefoon', bereikt: 'ja' })]);
    const result = await ws.run(['outcomes', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('niet na vandaag');
  }, TIMEOUT);
});

describe('results that agree', () => {
  it('refuses a referral to schuldhulpverlening with a non-financial result, naming the results that fit', async () => {
    const result = await ws.run(['close', picked[4]!, '--result', 'advies', '--referred-to', 'schuldhulpverlening']);
    expect(result.status).toBe(1);
    for (const code of ['vervolghulp-financieel', 'vervolghulp', 'verwijzing-zonder-inwoner']) expect(result.stderr).toContain(code);
  }, TIMEOUT);

  it('refuses a referral to AMW with a financial result', async () => {
    const result = await ws.run(['close', picked[4]!, '--result', 'vervolghulp-financieel', '--referred-to', 'amw']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('vervolghulp-niet-financieel');
  }, TIMEOUT);

  it('refuses bekend-shv with a referral to schuldhulpverlening', async () => {
    const result = await ws.run(['close', picked[4]!, '--result', 'bekend-shv', '--referred-to', 'schuldhulpverlening']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bekend-shv');
  }, TIMEOUT);

  it('refuses a Niet opgepakt result on a melding with a contact attempt, also in outcomes', async () => {
    const ref = picked[5]!;
    ok(await ws.run(['contact', ref, '--type', 'telefoon', '--reached', 'nee', '--date', '2022-01-19']));
    const before = snapshot();
    const close = await ws.run(['close', ref, '--result', 'niet-opgepakt-anders']);
    expect(close.status).toBe(1);
    expect(close.stderr).toContain('contactpoging');
    const file = csvFile('niet-opgepakt.csv', [
      row(picked[6]!, { contact_datum: '19-01-2022', contact_soort: 'brief', bereikt: 'nee' }),
      row(picked[6]!, { resultaat: 'Niet opgepakt: andere reden' }),
    ]);
    const outcomes = await ws.run(['outcomes', file]);
    expect(outcomes.status).toBe(1);
    expect(outcomes.stderr).toMatch(/regel 3\b/);
    expect(snapshot()).toBe(before);
  }, TIMEOUT);

  it('accepts the combinations that agree', async () => {
    ok(await ws.run(['close', picked[4]!, '--result', 'vervolghulp-financieel', '--referred-to', 'schuldhulpverlening', '--date', '2022-01-25']));
    ok(await ws.run(['close', picked[7]!, '--result', 'vervolghulp-niet-financieel', '--referred-to', 'amw', '--date', '2022-01-25']));
    expect(stateOf(picked[7]!).resultaat).toBe('Vervolghulp en/of verwijzing niet financieel');
  }, TIMEOUT);

  it('gives each of the 16 results a one-line definition in close --help', async () => {
    const help = ok(await ws.run(['close', '--help'])).stdout;
    const lines = help.split('\n');
    const codes = lines.slice(lines.indexOf('Resultaatcodes, met wanneer u ze kiest:')).filter((l) => /^ {2}[a-z-]+ {2,}\S/.test(l));
    expect(codes).toHaveLength(16);
    for (const line of codes) {
      const definition = lines[lines.indexOf(line) + 1]!;
      expect(definition).toMatch(/^ {6}\S.{20,}$/);
    }
  }, TIMEOUT);
});
