import type { Hono } from 'hono';
import { missingLists, monthTable, periodTables } from '../../app/report-table.js';
import { checkPeriod, describePeriod, periodLabel, type Period } from '../../core/report/period.js';
import type { MonthRow, PeriodTable } from '../../core/report/table.js';
import { renderPeriodsCsv, renderPeriodsMarkdown } from '../../terminal/report-table.js';
import { ReceivedChart } from '../chart.js';
import type { WebContext, WebEnv, WebOptions } from '../env.js';
import { InputField } from '../fields.js';
import { todayOf } from '../format.js';
import { Notice, Page } from '../layout.js';
import { queryMonth, readPeriod } from '../period-query.js';
import { badRequest } from '../refusal.js';
import { coordinatorOnly } from '../session.js';

// Verantwoording: the received/opgevolgd table of `eropaf table` for a period (bookmarkable:
// /tabel?van=2022-01&tot=2022-06&vergelijk=2021-07:2021-12), a chart per month, and the table as
// CSV or Markdown, produced by the same code as the command line's.

interface TableQuery {
  period: Period;
  compare: Period | null;
}

type Field = 'van' | 'tot' | 'vergelijk-van' | 'vergelijk-tot';

function readQuery(c: WebContext, today: string): { query: TableQuery } | { errors: Partial<Record<Field, string>> } {
  const q = c.req.query();
  const read = readPeriod(q, today);
  const errors: Partial<Record<Field, string>> = 'errors' in read ? { ...read.errors } : {};
  let compare: Period | null = null;
  // vergelijk=2021-07:2021-12 as in `--compare`, or its two halves from the form.
  const [cf, ct] = q.vergelijk !== undefined && q.vergelijk !== '' ? q.vergelijk.split(':') : [q['vergelijk-van'], q['vergelijk-tot']];
  if ((cf ?? '') !== '' || (ct ?? '') !== '') {
    const compareFrom = queryMonth(cf);
    const compareTo = queryMonth(ct);
    if (compareFrom === null || compareTo === null) errors['vergelijk-van'] = 'Geef van de vergelijkingsperiode begin en einde als JJJJ-MM.';
    else {
      const checked = checkPeriod({ from: compareFrom, to: compareTo });
      if (checked.ok) compare = checked.value;
      else errors['vergelijk-van'] = 'Het begin van de vergelijkingsperiode ligt na het einde.';
    }
  }
  if ('errors' in read || Object.keys(errors).length > 0) return { errors };
  return { query: { period: read.period, compare } };
}

function queryString(query: TableQuery): string {
  const params = new URLSearchParams({ van: query.period.from, tot: query.period.to });
  if (query.compare !== null) params.set('vergelijk', `${query.compare.from}:${query.compare.to}`);
  return params.toString();
}

function PeriodForm(props: { values: Record<string, string>; errors: Partial<Record<Field, string>> }) {
  return (
    <form method="get" action="/tabel" class="filters" aria-label="Periode">
      <InputField id="van" name="van" label="Van (maand)" type="month" value={props.values.van ?? ''} error={props.errors.van} />
      <InputField id="tot" name="tot" label="Tot en met (maand)" type="month" value={props.values.tot ?? ''} error={props.errors.tot} />
      <InputField id="vergelijk-van" name="vergelijk-van" label="Vergelijk met: van" type="month" value={props.values['vergelijk-van'] ?? ''} error={props.errors['vergelijk-van']} />
      <InputField id="vergelijk-tot" name="vergelijk-tot" label="Vergelijk met: tot en met" type="month" value={props.values['vergelijk-tot'] ?? ''} />
      <button type="submit">Toon</button>
    </form>
  );
}

function PeriodTableView(props: { table: PeriodTable }) {
  const { table } = props;
  return (
    <table class="report">
      <caption>{describePeriod(table.period)}</caption>
      <thead>
        <tr>
          <th scope="col">Categorie</th>
          <th scope="col" class="num">Ontvangen</th>
          <th scope="col" class="num">Gem. per maand</th>
          <th scope="col" class="num">Opgevolgd</th>
          <th scope="col" class="num">Gem. per maand</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr data-categorie={r.category}>
            <th scope="row">{r.category === 'totaal' ? 'Totaal' : r.category}</th>
            <td class="num" data-veld="ontvangen">{r.received}</td>
            <td class="num" data-veld="ontvangenGemPerMaand">{r.receivedPerMonth}</td>
            <td class="num" data-veld="opgevolgd">{r.followedUp}</td>
            <td class="num" data-veld="opgevolgdGemPerMaand">{r.followedUpPerMonth}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MonthTableView(props: { rows: readonly MonthRow[] }) {
  return (
    <table class="report">
      <caption>Per maand, alle meldingen (enkelvoudig en meervoudig)</caption>
      <thead>
        <tr>
          <th scope="col">Maand</th>
          <th scope="col" class="num">Ontvangen</th>
          <th scope="col" class="num">Opgevolgd</th>
          <th scope="col" class="num">Open</th>
          <th scope="col" class="num">Uitgesteld</th>
        </tr>
      </thead>
      <tbody>
        {props.rows
          .filter((r) => r.category === 'totaal')
          .map((r) => (
            <tr>
              <th scope="row">{r.month}</th>
              {r.missing ? (
                <td colspan={4}>geen lijst</td>
              ) : (
                <>
                  <td class="num">{r.received}</td>
                  <td class="num">{r.followedUp}</td>
                  <td class="num">{r.open}</td>
                  <td class="num">{r.deferred}</td>
                </>
              )}
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export function registerTable(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/tabel', coordinatorOnly(), async (c) => {
    const auth = c.get('auth')!;
    const read = readQuery(c, todayOf(options.clock));
    const values = c.req.query();
    if ('errors' in read) {
      return c.html(
        <Page title="Verantwoording" auth={auth} current="/tabel">
          <Notice kind="fout">Controleer de periode: er staat een fout in een van de velden.</Notice>
          <PeriodForm values={values} errors={read.errors} />
        </Page>,
        400,
      );
    }
    const { query } = read;
    const tables = await periodTables(options.store, query.period, query.compare);
    const rows = await monthTable(options.store, query.period);
    const missing = await missingLists(options.store, query.compare === null ? [query.period] : [query.period, query.compare]);
    const shown = {
      van: query.period.from,
      tot: query.period.to,
      'vergelijk-van': query.compare?.from ?? '',
      'vergelijk-tot': query.compare?.to ?? '',
    };
    return c.html(
      <Page title="Verantwoording" auth={auth} current="/tabel">
        <PeriodForm values={shown} errors={{}} />
        {missing.map(({ period, missing: months }) => (
          <Notice kind="let-op">{`Voor ${months.join(', ')} (in ${periodLabel(period)}) is geen lijst ingelezen; ${months.length === 1 ? 'die maand telt' : 'die maanden tellen'} als 0 mee in de gemiddelden.`}</Notice>
        ))}
        {tables.map((table) => (
          <PeriodTableView table={table} />
        ))}
        <p class="downloads">
          Downloaden: <a href={`/tabel.csv?${queryString(query)}`}>CSV (Excel)</a> · <a href={`/tabel.md?${queryString(query)}`}>Markdown</a>
        </p>
        <h2 id="per-maand">Per maand</h2>
        <ReceivedChart rows={rows} titleId="grafiek-titel" />
        <MonthTableView rows={rows} />
      </Page>,
    );
  });

  for (const [extension, type, render] of [
    ['csv', 'text/csv; charset=utf-8', (tables: PeriodTable[]) => renderPeriodsCsv(tables)],
    ['md', 'text/markdown; charset=utf-8', (tables: PeriodTable[]) => renderPeriodsMarkdown(tables, '')],
  ] as const) {
    app.get(`/tabel.${extension}`, coordinatorOnly(), async (c) => {
      const read = readQuery(c, todayOf(options.clock));
      if ('errors' in read) return badRequest(c, 'Controleer de periode in het adres: schrijf de maanden als JJJJ-MM.');
      const tables = await periodTables(options.store, read.query.period, read.query.compare);
      const name = `verantwoording-${read.query.period.from}-${read.query.period.to}.${extension}`;
      return c.body(render(tables), 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"` });
    });
  }
}
