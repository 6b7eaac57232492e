// End to end: correcting what was recorded (issue 11 "Correcting what was recorded"), the dates
// Dutch Excel writes, the echo of contact and close, and the card left at a house visit (issue 12).

import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { lijst, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;
const ws = workspace('eropaf-e2e-followup-corrections-');

function ok(result: RunResult): RunResult {
  expect(result.status, result.stderr).toBe(0);
  return result;
}

interface StoredContact {
  soort: string;
  bereikt: number;
  datum: string;
  dagdeel: string | null;
}

function contactsOf(ref: string): StoredContact[] {
  return withDb(ws.db, (db) =>
    db
      .prepare(
        `SELECT c.soort, c.bereikt, c.datum, c.dagdeel FROM contacts c JOIN meldingen m ON m.id = c.melding_id
         WHERE m.month = ? AND m.seq = ? ORDER BY c.id`,
      )
      .all(ref.slice(0, 7), Number(ref.slice(8))) as StoredContact[],
  );
}

function resultOf(ref: string): { resultaat: string; closed_on: string } | undefined {
  return withDb(ws.db, (db) =>
    db
      .prepare(
        `SELECT r.resultaat, r.closed_on FROM results r JOIN meldingen m ON m.id = r.melding_id WHERE m.month = ? AND m.seq = ?`,
      )
      .get(ref.slice(0, 7), Number(ref.slice(8))) as never,
  );
}

interface AuditRecord {
  command: string;
  options: Record<string, unknown>;
  counts: Record<string, number>;
}

async function lastAudit(): Promise<AuditRecord> {
  const audit = ok(await ws.run(['audit', '--format', 'json']));
  return (JSON.parse(audit.stdout) as AuditRecord[]).at(-1)!;
}

function csvFile(name: string, records: Array<Record<string, string>>): string {
  fs.writeFileSync(ws.file(name), `\ufeff${stringify(records, { header: true, delimiter: ';', record_delimiter: '\r\n' })}`);
  return name;
}

function row(melding: string, fill: Record<string, string>): Record<string, string> {
  return { melding, contact_datum: '', contact_soort: '', bereikt: '', resultaat: '', notitie: '', ...fill };
}

let picked: string[];

beforeAll(async () => {
  ok(await ws.run(['import', lijst('2022-01')]));
  ok(await ws.run(['workers', 'add', 'Anna de Vries', '--capacity', '20']));
  ok(await ws.run(['triage', '--month', '2022-01']));
  picked = withDb(ws.db, (db) =>
    db
      .prepare(
        `SELECT printf('%s-%03d', m.month, m.seq) FROM meldingen m JOIN decisions d ON d.melding_id = m.id
         WHERE m.month = '2022-01' AND d.kind IN ('altijd', 'capaciteit') ORDER BY m.seq`,
      )
      .pluck()
      .all() as string[],
  );
  expect(picked.length).toBeGreaterThan(10);
}, TIMEOUT);

describe('re-reading a corrected worklist', () => {
  it('corrects the attempt instead of adding a second one, and says so', async () => {
    const ref = picked[0]!;
    ok(await ws.run(['outcomes', csvFile('eerst.csv', [row(ref, { contact_datum: '18-01-2022 10:15', contact_soort: 'telefoon', bereikt: 'ja' })])]));
    const again = ok(await ws.run(['outcomes', csvFile('verbeterd.csv', [row(ref, { contact_datum: '18-01-2022 10:15', contact_soort: 'telefoon', bereikt: 'nee' })])]));
    expect(again.stdout).toContain('1 gewijzigd');
    expect(contactsOf(ref)).toEqual([{ soort: 'Telefoon', bereikt: 0, datum: '2022-01-18', dagdeel: 'Ochtend' }]);
    expect((await lastAudit()).counts).toMatchObject({ contactpogingen: 0, gewijzigd: 1 });
  }, TIMEOUT);

  it('takes a row without a time, on the same date and of the same kind, for the same attempt', async () => {
    const ref = picked[0]!;
    ok(await ws.run(['outcomes', csvFile('zonder-tijd.csv', [row(ref, { contact_datum: '18-01-2022', contact_soort: 'telefoon', bereikt: 'ja' })])]));
    expect(contactsOf(ref)).toEqual([{ soort: 'Telefoon', bereikt: 1, datum: '2022-01-18', dagdeel: 'Ochtend' }]);
  }, TIMEOUT);

  it('keeps two attempts at different times of one day apart', async () => {
    const ref = picked[1]!;
    ok(await ws.run(['outcomes', csvFile('twee.csv', [
      row(ref, { contact_datum: '18-01-2022 10:15', contact_soort: 'telefoon', bereikt: 'nee' }),
      row(ref, { contact_datum: '18-01-2022 16:40', contact_soort: 'telefoon', bereikt: 'ja' }),
    ])]));
    expect(contactsOf(ref)).toHaveLength(2);
    // A row without a time could be either of them: refused, asking for the time.
    const unclear = await ws.run(['outcomes', csvFile('welke.csv', [row(ref, { contact_datum: '18-01-2022', contact_soort: 'telefoon', bereikt: 'ja' })])]);
    expect(unclear.status).toBe(1);
    expect(unclear.stderr).toContain('vul de tijd in');
    expect(contactsOf(ref).map((c) => c.bereikt)).toEqual([0, 1]);
  }, TIMEOUT);
});

describe('attempts', () => {
  it('lists the attempts numbered, and deletes one with a reason, audited', async () => {
    const ref = picked[2]!;
    ok(await ws.run(['contact', ref, '--type', 'brief', '--reached', 'nee', '--date', '2022-01-17']));
    ok(await ws.run(['contact', ref, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-01-19']));
    const list = ok(await ws.run(['pogingen', ref]));
    expect(list.stdout).toMatch(/^\s*1\s+2022-01-17\s+.*Brief\s+nee/m);
    expect(list.stdout).toMatch(/^\s*2\s+2022-01-19\s+.*Telefoon\s+ja/m);

    const noReason = await ws.run(['attempts', ref, '--delete', '1']);
    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    expect(contactsOf(ref)).toHaveLength(2);

    ok(await ws.run(['attempts', ref, '--delete', '1', '--reason', 'dubbel']));
    expect(contactsOf(ref)).toEqual([{ soort: 'Telefoon', bereikt: 1, datum: '2022-01-19', dagdeel: null }]);
    const audit = await lastAudit();
    expect(audit.command).toBe('attempts');
    expect(audit.options).toMatchObject({ delete: '1', reason: 'dubbel' });
    expect(audit.counts).toEqual({ verwijderd: 1 });

    const missing = await ws.run(['attempts', ref, '--delete', '5', '--reason', 'dubbel']);
    expect(missing.status).toBe(1);
  }, TIMEOUT);
});

describe('closing again and reopening', () => {
  it('changes the result, keeps the close date, and says what it was', async () => {
    const ref = picked[3]!;
    ok(await ws.run(['close', ref, '--result', 'advies', '--date', '2022-01-20']));
    const again = ok(await ws.run(['close', ref, '--result', 'regelt-zelf']));
    expect(again.stdout).toContain('(Budget)advies en/of quick fix');
    expect(resultOf(ref)).toEqual({ resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering', closed_on: '2022-01-20' });
    ok(await ws.run(['close', ref, '--result', 'advies', '--date', '2022-01-22']));
    expect(resultOf(ref)?.closed_on).toBe('2022-01-22');
  }, TIMEOUT);

  it('reopens a melding: the result goes, the attempts stay', async () => {
    const ref = picked[4]!;
    ok(await ws.run(['contact', ref, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-01-20']));
    ok(await ws.run(['close', ref, '--result', 'advies', '--date', '2022-01-20']));
    ok(await ws.run(['heropenen', ref]));
    expect(resultOf(ref)).toBeUndefined();
    expect(contactsOf(ref)).toHaveLength(1);
    expect(await lastAudit()).toMatchObject({ command: 'reopen', counts: { heropend: 1 } });
    const notClosed = await ws.run(['reopen', ref]);
    expect(notClosed.status).toBe(1);
  }, TIMEOUT);
});

describe('dates as Dutch Excel writes them', () => {
  it('reads 15-jan, 16-1, 17-1-22 and 18 januari 2022 in the list month', async () => {
    const ref = picked[5]!;
    ok(await ws.run(['outcomes', csvFile('datums.csv', [
      row(ref, { contact_datum: '15-jan', contact_soort: 'telefoon', bereikt: 'nee' }),
      row(ref, { contact_datum: '16-1', contact_soort: 'telefoon', bereikt: 'nee' }),
      row(ref, { contact_datum: '17-1-22', contact_soort: 'telefoon', bereikt: 'nee' }),
      row(ref, { contact_datum: '18 januari 2022', contact_soort: 'telefoon', bereikt: 'ja' }),
    ])]));
    expect(contactsOf(ref).map((c) => c.datum)).toEqual(['2022-01-15', '2022-01-16', '2022-01-17', '2022-01-18']);
  }, TIMEOUT);

  it('does not echo a melding cell that is not a reference', async () => {
    const result = await ws.run(['outcomes', csvFile('naam.csv', [row('Jansen, Petra', { contact_datum: '18-01-2022', contact_soort: 'telefoon', bereikt: 'ja' })])]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('regel 2: geen meldingnummer');
    expect(result.stderr).not.toContain('Jansen');
  }, TIMEOUT);
});

describe('what contact and close say', () => {
  it('echoes the melding, date, kind, reached and result', async () => {
    const ref = picked[6]!;
    const contact = ok(await ws.run(['contact', ref, '--type', 'telefoon', '--reached', 'nee', '--date', '2022-01-21']));
    expect(contact.stdout).toContain(`${ref}: Telefoon op 2022-01-21, niet bereikt`);
    const later = ok(await ws.run(['contact', ref, '--type', 'telefoon', '--reached', 'nee', '--date', '2022-01-22', '--time', '18:05']));
    expect(later.stdout).toContain(`${ref}: Telefoon op 2022-01-22 om 18:05, niet bereikt`);
    expect(contactsOf(ref).map((c) => c.dagdeel)).toEqual([null, 'Avond']);
    expect((await ws.run(['contact', ref, '--type', 'telefoon', '--reached', 'nee', '--time', '09:00', '--daypart', 'avond'])).status).toBe(2);
    const close = ok(await ws.run(['close', ref, '--result', 'geen-contact', '--date', '2022-01-28']));
    expect(close.stdout).toContain(`${ref}: afgesloten op 2022-01-28 met "Definitief geen contact kunnen krijgen"`);
  }, TIMEOUT);
});

describe('a card left at a house visit', () => {
  it('contact --card also records a Kaartje attempt', async () => {
    const ref = picked[7]!;
    const result = ok(await ws.run(['contact', ref, '--type', 'huisbezoek', '--reached', 'nee', '--date', '2022-01-24', '--card']));
    expect(result.stdout).toContain('Kaartje');
    expect(contactsOf(ref).map((c) => [c.soort, c.bereikt, c.datum])).toEqual([
      ['Huisbezoek', 0, '2022-01-24'],
      ['Kaartje', 0, '2022-01-24'],
    ]);
  }, TIMEOUT);

  it('outcomes reads the same from a column kaartje', async () => {
    const ref = picked[8]!;
    const file = csvFile('kaartje.csv', [row(ref, { contact_datum: '25-01-2022', contact_soort: 'huisbezoek', bereikt: 'nee', kaartje: 'ja' })]);
    ok(await ws.run(['outcomes', file]));
    ok(await ws.run(['outcomes', file]));
    expect(contactsOf(ref).map((c) => c.soort)).toEqual(['Huisbezoek', 'Kaartje']);
  }, TIMEOUT);
});
