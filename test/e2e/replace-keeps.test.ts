// End to end: a corrected list for a month already worked on. `--replace` keeps the decision,
// the worker and the follow-up of every household still on the new list (matched by kenmerk,
// else by address), under the same melding reference; only follow-up of households no longer
// on the list needs --force. A changed amount under the same kenmerk is shown in the summary.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DUTCH_EXCEL, encodeUtf8, formatCsv } from '../../src/synthetic/dialect.js';
import type { SignalRow } from '../../src/synthetic/row.js';
import { fixtureLists } from '../../src/tools/make-fixtures.js';
import { foreignKeyProblems, lijst, summaryFigures, unexpectedStderr, withDb, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;

function expectSuccess(result: RunResult): RunResult {
  expect(unexpectedStderr(result.stderr), result.stderr).toBe('');
  expect(result.status, result.stderr).toBe(0);
  return result;
}

const key = (r: SignalRow): string => `${r.postcode.replace(/\s+/g, '')}|${r.huisnummer}|${r.toevoeging.toUpperCase()}`;

interface Work {
  ref: string;
  kind: string;
  worker: string | null;
  contacts: number;
  resultaat: string | null;
}

function workOf(db: string): Work[] {
  return withDb(db, (d) =>
    d
      .prepare(
        `SELECT printf('%s-%03d', m.month, m.seq) AS ref, dc.kind, w.name AS worker,
                (SELECT count(*) FROM contacts c WHERE c.melding_id = m.id) AS contacts, r.resultaat
         FROM meldingen m JOIN decisions dc ON dc.melding_id = m.id LEFT JOIN workers w ON w.id = dc.worker_id
         LEFT JOIN results r ON r.melding_id = m.id AND r.source = 'medewerker'
         WHERE m.month = '2022-03' ORDER BY m.seq`,
      )
      .all() as Work[],
  );
}

/** The month's picked meldingen (only those take attempts and results). */
function pickedRefs(db: string): string[] {
  return withDb(db, (d) =>
    d
      .prepare(
        `SELECT printf('%s-%03d', m.month, m.seq) FROM meldingen m JOIN decisions dc ON dc.melding_id = m.id
         WHERE m.month = '2022-03' AND dc.kind IN ('altijd', 'capaciteit') ORDER BY m.seq`,
      )
      .pluck()
      .all() as string[],
  );
}

describe('--replace of a month already worked on', () => {
  it('keeps the work of every household still on the list, under the same reference, and shows changed amounts', async () => {
    const w = workspace();
    expectSuccess(await w.run(['import', lijst('2022-03')]));
    expectSuccess(await w.run(['workers', 'add', 'Anna de Vries', '--capacity', '20']));
    expectSuccess(await w.run(['workers', 'add', 'Bram Jansen', '--capacity', '20']));
    expect((await w.run(['triage', '--month', '2022-03'])).status).toBe(0);
    const [contacted, closed] = pickedRefs(w.db);
    expectSuccess(await w.run(['contact', contacted!, '--type', 'telefoon', '--reached', 'ja', '--date', '2022-03-21']));
    expectSuccess(await w.run(['close', closed!, '--result', 'advies']));
    const before = workOf(w.db);

    // The corrected list: one amount changed under its kenmerk, and one household added.
    const rows = fixtureLists().find((l) => l.month === '2022-03')!.rows.map((r) => ({ ...r }));
    const changedAt = 4;
    rows[changedAt]!.bedragCents += 12_345;
    const added: SignalRow = { ...rows[0]!, signaalId: 'VS-2022-990001', huisnummer: '9999', toevoeging: '' };
    expect(rows.some((r) => key(r) === key(added))).toBe(false);
    const file = w.file('vroegeropaf-2022-03-gecorrigeerd.csv');
    fs.writeFileSync(file, encodeUtf8(formatCsv([...rows, added], DUTCH_EXCEL)));

    const dry = expectSuccess(await w.run(['import', file, '--replace', '--dry-run']));
    const real = expectSuccess(await w.run(['import', file, '--replace']));
    for (const result of [dry, real]) {
      const f = summaryFigures(result.stdout);
      expect(f.get('Bedrag gewijzigd')).toBe(`1 signaal met hetzelfde kenmerk (regel ${changedAt + 2})`);
      expect(f.get('Opvolging behouden')).toBe(`${before.length} meldingen (besluit, medewerker, pogingen en resultaat; zelfde meldingnummer)`);
      expect(f.get('Opvolging verloren')).toBe('0');
    }

    // Every household's decision, worker, attempts and result, under its old reference.
    expect(workOf(w.db)).toEqual(before);
    expect(withDb(w.db, foreignKeyProblems)).toEqual([]);
    // The melding followed up is still opgevolgd.
    const opgevolgd = withDb(w.db, (d) =>
      d.prepare("SELECT opgevolgd FROM meldingen WHERE month = '2022-03' AND seq = ?").pluck().get(Number(contacted!.slice(8))),
    );
    expect(opgevolgd).toBe(1);

    // A new triage places the added household and keeps the rest.
    expect((await w.run(['triage', '--month', '2022-03'])).status).toBe(0);
    const after = workOf(w.db);
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((a) => before.some((b) => b.ref === a.ref))).toEqual(before);
  }, TIMEOUT);
});
