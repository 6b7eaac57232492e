import type { Hono } from 'hono';
import { readPeriodStats } from '../../app/period-stats.js';
import { missingMonths } from '../../core/report/table.js';
import type { Store } from '../../store/store.js';
import { describePeriod, type Period } from '../../core/report/period.js';
import { percentage, renderStatsCsv, statsRows } from '../../terminal/stats-report.js';
import type { WebEnv, WebOptions } from '../env.js';
import { InputField } from '../fields.js';
import { todayOf } from '../format.js';
import { Notice, Page } from '../layout.js';
import { readPeriod, type PeriodErrors } from '../period-query.js';
import { coordinatorOnly } from '../session.js';

// Cijfers (coordinator): the figures of `eropaf stats` for a period (/cijfers?van=…&tot=…), the
// same rows as the command line's, and their CSV.

function PeriodForm(props: { values: Record<string, string>; errors: PeriodErrors }) {
  return (
    <form method="get" action="/cijfers" class="filters" aria-label="Periode">
      <InputField id="van" name="van" label="Van (maand)" type="month" value={props.values.van ?? ''} error={props.errors.van} />
      <InputField id="tot" name="tot" label="Tot en met (maand)" type="month" value={props.values.tot ?? ''} error={props.errors.tot} />
      <button type="submit">Toon</button>
    </form>
  );
}

const query = (period: Period): string => new URLSearchParams({ van: period.from, tot: period.to }).toString();

/** The figures of `eropaf stats`, the workers' names, and the months without a list. */
async function figuresOf(store: Store, period: Period, today: string) {
  const stats = await readPeriodStats(store, period, today);
  const workerNames = new Map((await store.workers()).map((w) => [w.id, w.name]));
  return { stats, workerNames, missing: missingMonths(period, await store.importedMonths()) };
}

export function registerFigures(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/cijfers', coordinatorOnly(), async (c) => {
    const auth = c.get('auth')!;
    const read = readPeriod(c.req.query(), todayOf(options.clock));
    if ('errors' in read) {
      return c.html(
        <Page title="Cijfers" auth={auth} current="/cijfers">
          <Notice kind="fout">Controleer de periode: er staat een fout in een van de velden.</Notice>
          <PeriodForm values={c.req.query()} errors={read.errors} />
        </Page>,
        400,
      );
    }
    const { period } = read;
    const { stats, workerNames, missing } = await figuresOf(options.store, period, todayOf(options.clock));
    const rows = statsRows(stats, workerNames);
    return c.html(
      <Page title="Cijfers" auth={auth} current="/cijfers">
        <PeriodForm values={{ van: period.from, tot: period.to }} errors={{}} />
        {missing.length > 0 && <Notice kind="let-op">{`Voor ${missing.join(', ')} is geen lijst ingelezen; die maanden tellen niet mee in de cijfers.`}</Notice>}
        <table class="report">
          <caption>{`Cijfers over ${describePeriod(period)}`}</caption>
          <thead>
            <tr>
              <th scope="col">Onderdeel</th>
              <th scope="col">Wat</th>
              <th scope="col" class="num">Aantal</th>
              <th scope="col" class="num">Aandeel</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.section}</td>
                <th scope="row">{r.label}</th>
                <td class="num">{r.count}</td>
                <td class="num">{percentage(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="downloads">
          Downloaden: <a href={`/cijfers.csv?${query(period)}`}>CSV (Excel)</a>
        </p>
      </Page>,
    );
  });

  app.get('/cijfers.csv', coordinatorOnly(), async (c) => {
    const read = readPeriod(c.req.query(), todayOf(options.clock));
    if ('errors' in read) return c.notFound();
    const { stats, workerNames } = await figuresOf(options.store, read.period, todayOf(options.clock));
    return c.body(renderStatsCsv(statsRows(stats, workerNames)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="cijfers-${read.period.from}-${read.period.to}.csv"`,
    });
  });
}
