// End to end: a month in which some households cannot be reached by phone. Who lands on the
// house-visit list and in which order, the list as table, CSV (read back by outcomes), JSON and
// printable HTML, and the first-contact term in the worklist, months and stats.
//
// The clock is the real one, so the list is made to have been imported on 1 May 2023 (the
// imports row is dated back after the import): every date below is then long past whatever day
// the test runs, and the results do not depend on it.

import fs from 'node:fs';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { allOutputs, workspace, type RunResult } from './helpers.js';

const TIMEOUT = 60_000;
const ws = workspace('eropaf-e2e-visits-');

const HEADER =
  'Kenmerk;Signaaldatum;Datum ontstaan;Type signaalpartner;Schuldeiser;Bedrag achterstand;BSN;Voorletters;Voorvoegsel;Achternaam;Geboortedatum;Geslacht;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Telefoon;E-mail;Crisissignaal;Warme overdracht';

const BSN = '999915356';
const HOSTILE = '<script>alert(1)</script> & Zn';

/** The households of May 2023, by a short name used below. */
const HOUSEHOLDS = {
  // three unanswered calls: on the list
  calls: `V-1;10-05-2023;01-03-2023;Huur;Woonstichting Duinrand;850,00;${BSN};A.;;Bellen;01-01-1970;Vrouw;Zonnebloemstraat;10;;2101 AB;Heemstede;06-99001001;;Nee;Nee`,
  // neither phone nor e-mail: on the list at once
  unreachable: 'V-2;10-05-2023;01-03-2023;Energie;Testenergie;310,40;;B.;;Zonder;02-02-1980;Man;Zonnebloemstraat;9;;2101 AB;Heemstede;;;Nee;Nee',
  // two unanswered calls: not yet
  twoCalls: 'V-3;10-05-2023;01-03-2023;Zorg;Testzorg;120,00;;C.;;Twee;03-03-1975;Vrouw;Zonnebloemstraat;10;A;2101 AB;Heemstede;06-99001003;;Nee;Nee',
  // reached by text message after three calls: not on the list
  reached: 'V-4;10-05-2023;01-03-2023;Water;Testwater;95,00;;D.;;Bereikt;04-04-1966;Man;Akkerweg;3;;2101 AB;Heemstede;06-99001004;;Nee;Nee',
  // e-mail only, two mails and a letter, then a visit without contact: on the list, close proposed
  visited: 'V-5;10-05-2023;01-03-2023;Huur;Woonstichting Duinrand;1.200,00;;E.;;Bezocht;05-05-1990;Vrouw;Beukenlaan;1;;2102 CD;Heemstede;;e.bezocht@example.nl;Nee;Nee',
  // no phone, no e-mail and a name that is HTML: on the list, first on the route
  hostile: `V-6;10-05-2023;01-03-2023;Zorg;Testzorg;60,00;;F.;;${HOSTILE};06-06-1985;Man;Dorpsstraat;100;;2101 AA;Heemstede;;;Nee;Nee`,
  // phone, nothing done yet
  waiting: 'V-7;10-05-2023;01-03-2023;Energie;Testenergie;220,00;;G.;;Wacht;07-07-1977;Vrouw;Kerkplein;5;;2103 EF;Heemstede;06-99001007;;Nee;Nee',
  // a visit, a card and one call: only one remote attempt, not on the list
  cardLeft: 'V-8;10-05-2023;01-03-2023;Water;Testwater;80,00;;H.;;Kaart;08-08-1988;Man;Kerkplein;7;;2103 EF;Heemstede;06-99001008;;Nee;Nee',
} as const;
type Household = keyof typeof HOUSEHOLDS;

function ok(result: RunResult): RunResult {
  expect(result.status, result.stderr).toBe(0);
  return result;
}

const refs = new Map<Household, string>();
const ref = (h: Household): string => refs.get(h)!;

async function contact(h: Household, type: string, date: string, reached = 'nee', daypart?: string): Promise<void> {
  ok(await ws.run(['contact', ref(h), '--type', type, '--reached', reached, '--date', date, ...(daypart ? ['--daypart', daypart] : [])]));
}

beforeAll(async () => {
  fs.writeFileSync(ws.file('vroegeropaf-2023-05.csv'), `${[HEADER, ...Object.values(HOUSEHOLDS)].join('\r\n')}\r\n`);
  ok(await ws.run(['import', 'vroegeropaf-2023-05.csv']));
  const db = new Database(ws.db);
  try {
    db.prepare("UPDATE imports SET imported_at = '2023-05-01T10:00:00.000Z'").run();
  } finally {
    db.close();
  }
  ok(await ws.run(['workers', 'add', 'Anna de Vries', '--capacity', '20']));
  ok(await ws.run(['triage', '--month', '2023-05']));
  const worklist = JSON.parse(ok(await ws.run(['worklist', '--month', '2023-05', '--format', 'json'])).stdout) as Array<{ melding: string; adres: string }>;
  expect(worklist).toHaveLength(8);
  for (const [name, row] of Object.entries(HOUSEHOLDS) as Array<[Household, string]>) {
    const cells = row.split(';');
    const street = `${cells[12]} ${cells[13]}${cells[14] ? ` ${cells[14]}` : ''},`;
    refs.set(name, worklist.find((w) => w.adres.startsWith(street))!.melding);
  }
  await contact('calls', 'telefoon', '2023-05-10', 'nee', 'ochtend');
  await contact('calls', 'telefoon', '2023-05-11', 'nee', 'middag');
  await contact('calls', 'telefoon', '2023-05-12', 'nee', 'avond');
  await contact('twoCalls', 'telefoon', '2023-05-12');
  await contact('twoCalls', 'telefoon', '2023-05-13');
  await contact('reached', 'telefoon', '2023-05-02');
  await contact('reached', 'telefoon', '2023-05-03');
  await contact('reached', 'telefoon', '2023-05-04');
  await contact('reached', 'sms', '2023-05-05', 'ja');
  await contact('visited', 'mail', '2023-05-20');
  await contact('visited', 'mail', '2023-05-21');
  await contact('visited', 'brief', '2023-05-22');
  await contact('visited', 'huisbezoek', '2023-05-25', 'nee', 'avond');
  await contact('cardLeft', 'kaartje', '2023-05-16');
  await contact('cardLeft', 'huisbezoek', '2023-05-16');
  await contact('cardLeft', 'telefoon', '2023-05-17');
}, TIMEOUT);

interface VisitJson {
  gebied: string;
  bezoeken: Array<{ melding: string; naam: string; reden: string; voorstel: string | null; eerderePogingen: unknown[] }>;
}

describe('the house-visit list', () => {
  it('holds the unreachable households in route order, grouped by postcode area', async () => {
    const areas = JSON.parse(ok(await ws.run(['visits', '--month', '2023-05', '--format', 'json'])).stdout) as VisitJson[];
    expect(areas.map((a) => [a.gebied, a.bezoeken.map((b) => b.melding)])).toEqual([
      ['2101', [ref('hostile'), ref('unreachable'), ref('calls')]],
      ['2102', [ref('visited')]],
    ]);
    const visits = areas.flatMap((a) => a.bezoeken);
    expect(visits.map((v) => v.reden)).toEqual([
      'geen telefoonnummer en geen e-mailadres',
      'geen telefoonnummer en geen e-mailadres',
      'pogingen op afstand zonder contact',
      'pogingen op afstand zonder contact',
    ]);
    // Only the visit without contact, weeks ago, gets the proposal to close.
    expect(visits.map((v) => v.voorstel !== null)).toEqual([false, false, false, true]);
    expect(visits[2]!.eerderePogingen).toEqual([
      { soort: 'Telefoon', datum: '2023-05-10', dagdeel: 'Ochtend' },
      { soort: 'Telefoon', datum: '2023-05-11', dagdeel: 'Middag' },
      { soort: 'Telefoon', datum: '2023-05-12', dagdeel: 'Avond' },
    ]);
  });

  it('prints a table per postcode area (alias huisbezoeken)', async () => {
    const out = ok(await ws.run(['huisbezoeken', '--month', '2023-05'])).stdout;
    expect(out).toContain('Postcodegebied 2101 (3)');
    expect(out).toContain('Postcodegebied 2102 (1)');
    expect(out).toContain('Telefoon 10-05-2023 ochtend | Telefoon 11-05-2023 middag | Telefoon 12-05-2023 avond');
  });

  it('writes an Excel-safe CSV for the owner only, which outcomes reads back', async () => {
    ok(await ws.run(['visits', '--month', '2023-05', '--out', 'route.csv']));
    expect(fs.statSync(ws.file('route.csv')).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(ws.file('route.csv'), 'utf8');
    expect(text.startsWith('\ufeffgebied;melding;medewerker;naam;adres;organisaties;totaal;eerdere_pogingen;reden;voorstel;contact_datum;contact_soort;bereikt;resultaat;notitie\r\n')).toBe(true);
    const lines = text.trim().split('\r\n').slice(1);
    expect(lines.map((l) => l.split(';')[1])).toEqual([ref('hostile'), ref('unreachable'), ref('calls'), ref('visited')]);
  });

  it('writes a printable A4 route sheet for the owner only, with the hostile name as text', async () => {
    ok(await ws.run(['visits', '--month', '2023-05', '--format', 'html', '--out', 'route.html']));
    expect(fs.statSync(ws.file('route.html')).mode & 0o777).toBe(0o600);
    const sheet = fs.readFileSync(ws.file('route.html'), 'utf8');
    expect(sheet).toContain('size: A4');
    expect(sheet).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Zn');
    expect(sheet).not.toContain('<script>');
    expect(sheet.match(/<article class="visit">/g)).toHaveLength(4);
  });

  it('shows no BSN, phone number or e-mail address in any form', async () => {
    const outputs: string[] = [];
    for (const format of ['tabel', 'csv', 'json', 'html']) outputs.push(ok(await ws.run(['visits', '--month', '2023-05', '--format', format])).stdout);
    for (const output of outputs) {
      expect(output).not.toContain(BSN);
      expect(output).not.toMatch(/06-990010\d\d/);
      expect(output).not.toContain('e.bezocht@example.nl');
    }
  });

  it('follows huisbezoek.na-pogingen', async () => {
    ok(await ws.run(['config', 'set', 'huisbezoek.na-pogingen', '2']));
    const areas = JSON.parse(ok(await ws.run(['visits', '--month', '2023-05', '--format', 'json'])).stdout) as VisitJson[];
    expect(areas[0]!.bezoeken.map((b) => b.melding)).toEqual([ref('hostile'), ref('unreachable'), ref('calls'), ref('twoCalls')]);
    ok(await ws.run(['config', 'set', 'huisbezoek.na-pogingen', '3']));
  });

  it('refuses a table to a file, an unknown worker and an untriaged month', async () => {
    expect((await ws.run(['visits', '--month', '2023-05', '--format', 'tabel', '--out', 'x.txt'])).status).toBe(2);
    expect((await ws.run(['visits', '--month', '2023-05', '--worker', 'Niemand'])).status).toBe(1);
    expect((await ws.run(['visits', '--month', '2023-06'])).status).toBe(1);
    expect(fs.existsSync(ws.file('x.txt'))).toBe(false);
  });
});

describe('the first-contact term', () => {
  it('puts the meldingen past their term without any attempt first on the worklist, marked', async () => {
    const csv = ok(await ws.run(['worklist', '--month', '2023-05', '--format', 'csv'])).stdout;
    const [header, ...rows] = parse(csv, { delimiter: ';', bom: true }) as string[][];
    const at = (column: string): number => header!.indexOf(column);
    const pastTerm = [ref('unreachable'), ref('hostile'), ref('waiting')].sort();
    expect(rows.slice(0, 3).map((r) => r[at('melding')])).toEqual(pastTerm);
    for (const row of rows.slice(0, 3)) expect(row[at('termijn')]).toBe('verlopen (15-05-2023)');
    for (const row of rows.slice(3)) expect(row[at('termijn')]).toBe('');
    const proposal = (h: Household): string => rows.find((r) => r[at('melding')] === ref(h))![at('voorstel')]!;
    expect(proposal('calls')).toBe('huisbezoek');
    expect(proposal('visited')).toBe('afsluiten als "Definitief geen contact kunnen krijgen" (geen-contact)');
    expect(proposal('twoCalls')).toBe('');
  });

  it('counts them per month', async () => {
    const months = JSON.parse(ok(await ws.run(['months', '--format', 'json'])).stdout) as Array<{ month: string; pastContactTerm: number }>;
    expect(months).toEqual([expect.objectContaining({ month: '2023-05', pastContactTerm: 3 })]);
    expect(ok(await ws.run(['maanden'])).stdout).toMatch(/termijn verlopen\n2023-05 .* 3\n$/);
  });

  it('gives the share within the term, the median days, and reach per kind of attempt in the stats', async () => {
    const stats = JSON.parse(ok(await ws.run(['stats', '--from', '2023-05', '--to', '2023-05', '--format', 'json'])).stdout);
    // Within 14 days: calls (day 9), twoCalls (day 11), reached (day 1). Too late: visited (day
    // 19), cardLeft (day 15). Past the term without an attempt: unreachable, hostile, waiting.
    expect(stats.firstContact).toEqual({
      termDays: 14,
      withinTerm: { count: 3, of: 8, share: 3 / 8 },
      medianDaysToFirstAttempt: 11,
      attemptBeforeImport: 0,
    });
    expect(stats.reachByKind.Telefoon).toEqual({ count: 0, of: 9, share: 0 });
    expect(stats.reachByKind['SMS/Whatsapp']).toEqual({ count: 1, of: 1, share: 1 });
    expect(stats.visitedReached).toEqual({ count: 0, of: 2, share: 0 });
    const text = ok(await ws.run(['stats', '--from', '2023-05', '--to', '2023-05'])).stdout;
    expect(text).toMatch(/eerste contact\s+opgepakte meldingen met een eerste poging binnen 14 dagen na het inlezen\s+3\s+38%/);
    expect(text).toMatch(/mediaan aantal dagen tot de eerste poging\s+11/);
  });
});

describe('after the visit', () => {
  it('takes a household off the list once the filled-in visit list says it was reached', async () => {
    const text = fs.readFileSync(ws.file('route.csv'), 'utf8');
    const filled = text.split('\r\n').map((line) =>
      line.split(';')[1] === ref('unreachable') ? line.replace(/;;;;;$/, ';26-05-2023;huisbezoek;ja;;') : line,
    );
    fs.writeFileSync(ws.file('route-ingevuld.csv'), filled.join('\r\n'));
    expect(ok(await ws.run(['outcomes', 'route-ingevuld.csv'])).stdout).toContain('Vastgelegd: 1 contactpoging, 0 resultaten.');
    const areas = JSON.parse(ok(await ws.run(['visits', '--month', '2023-05', '--format', 'json'])).stdout) as VisitJson[];
    expect(areas.flatMap((a) => a.bezoeken.map((b) => b.melding))).not.toContain(ref('unreachable'));
  });

  it('never printed a full BSN', () => {
    for (const output of allOutputs) expect(output).not.toContain(BSN);
  });
});
