// The bench's ten years of a big city: 120 monthly lists imported and triaged one by one with the
// real binary, then follow-up recorded for most picked-up meldingen (straight into the database:
// only the table's input matters here). The bench then times the table over the ten years.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Month } from '../core/types.js';
import { csvLines, DUTCH_EXCEL } from '../synthetic/dialect.js';
import { CITY, type ListOptions, signalRows } from '../synthetic/lists.js';
import { rowsByMonth } from '../synthetic/row.js';
import { eropaf } from './bench-run.js';

export interface TenYears {
  db: string;
  from: Month;
  to: Month;
  rows: number;
  meldingen: number;
  /** Sums over the 120 imports and triages, and the peak RSS of any one of them. */
  importSeconds: number;
  triageSeconds: number;
  importPeakMiB: number;
  triagePeakMiB: number;
}

const MONTHS = 120;
const FROM: Month = '2013-01';

export function buildTenYears(dir: string, seed: number, log: (line: string) => void): TenYears {
  const db = path.join(dir, 'tien-jaar.db');
  const list: ListOptions = { seed, startMonth: FROM, months: MONTHS, ...CITY, householdsPerMonth: [3_600, 3_900] };
  eropaf(dir, ['--db', db, 'workers', 'add', 'Anna de Vries', '--capacity', '1700']);
  eropaf(dir, ['--db', db, 'workers', 'add', 'Bert Jansen', '--capacity', '1300']);
  const built: TenYears = {
    db, from: FROM, to: FROM, rows: 0, meldingen: 0, importSeconds: 0, triageSeconds: 0, importPeakMiB: 0, triagePeakMiB: 0,
  };
  for (const monthRows of rowsByMonth(signalRows(list))) {
    const month = monthRows.month;
    const file = path.join(dir, `lijst-${month}.csv`);
    fs.writeFileSync(file, [...csvLines(monthRows.rows, DUTCH_EXCEL)].join(''), { mode: 0o600 });
    const imported = eropaf(dir, ['--db', db, 'import', file, '--month', month, '--format', 'json']);
    const summary = JSON.parse(imported.stdout) as { meldingen: { created: number } };
    built.importSeconds += imported.seconds;
    built.importPeakMiB = Math.max(built.importPeakMiB, imported.rssMiB);
    built.rows += monthRows.rows.length;
    built.meldingen += summary.meldingen.created;
    const triaged = eropaf(dir, ['--db', db, 'triage', '--month', month]);
    built.triageSeconds += triaged.seconds;
    built.triagePeakMiB = Math.max(built.triagePeakMiB, triaged.rssMiB);
    fs.rmSync(file);
    built.to = month;
    if (month.endsWith('-12')) log(`  ${month}: ${built.rows.toLocaleString('en-US')} signals, ${built.meldingen.toLocaleString('en-US')} meldingen`);
  }
  recordFollowUp(db);
  return built;
}


/** Contact attempts for four in five picked-up meldingen, and a result for half of those. */
function recordFollowUp(file: string): void {
  const db = new Database(file);
  try {
    db.exec(`
      BEGIN;
      INSERT INTO contacts (melding_id, soort, bereikt, datum, dagdeel, notitie, recorded_at)
        SELECT d.melding_id, 'Telefoon', d.melding_id % 3 = 0, m.month || '-20', 'Ochtend', NULL, m.month || '-20T10:00:00'
        FROM decisions d JOIN meldingen m ON m.id = d.melding_id
        WHERE d.kind IN ('altijd', 'capaciteit') AND d.melding_id % 5 <> 0;
      INSERT OR REPLACE INTO results (melding_id, resultaat, referred_to, closed_on, source, recorded_at)
        SELECT melding_id, '(Budget)advies en/of quick fix', NULL, substr(datum, 1, 8) || '28', 'medewerker', recorded_at
        FROM contacts WHERE melding_id % 2 = 0;
      COMMIT;
    `);
  } finally {
    db.close();
  }
}
