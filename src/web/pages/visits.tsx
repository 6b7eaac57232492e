import type { Hono } from 'hono';
import { readVisitList } from '../../app/visit-list.js';
import { describeMonth, parseMonthOption } from '../../core/month.js';
import type { Month } from '../../core/types.js';
import { formatAttempt, VISIT_COLUMNS, VISIT_WRITE_BOX, visitCells, visitRows, type VisitArea } from '../../core/visit-list.js';
import { formatExcelCsv } from '../../csv/excel-csv.js';
import type { AccountRecord, WorkerRecord } from '../../store/store.js';
import type { WebContext, WebEnv, WebOptions } from '../env.js';
import { MonthSelect, readWorkerFilter, triagedMonths, workerParam, WorkerSelect } from '../filters.js';
import { dutchDate, todayOf } from '../format.js';
import { Notice, Page } from '../layout.js';

// Huisbezoeken: the month's house-visit list in route order, grouped by postcode area, as
// `eropaf visits` gives it (the same use case); printable on A4 with room to write at the door,
// and as the CSV `eropaf visits --format csv` writes, to fill in and read back as outcomes.

interface Filters {
  month: Month;
  /** A worker's id, or null for the whole team. */
  workerId: number | null;
}

/** The filters of the address; a month that was not triaged, or a worker that is no number, is none. */
function readFilters(query: Record<string, string>, account: AccountRecord, triaged: readonly Month[]): Filters | null {
  let month = triaged[0];
  if (query.maand !== undefined && query.maand !== '') {
    const parsed = parseMonthOption(query.maand);
    if (!parsed.ok || !triaged.includes(parsed.value)) return null;
    month = parsed.value;
  }
  if (month === undefined) return null;
  const workerId = readWorkerFilter(query.medewerker, account);
  return workerId === undefined ? null : { month, workerId };
}

function filterQuery(filters: Filters): string {
  return new URLSearchParams({ maand: filters.month, medewerker: workerParam(filters.workerId) }).toString();
}

async function visitsOf(c: WebContext, options: WebOptions): Promise<{ filters: Filters; areas: VisitArea[]; triaged: Month[] } | null> {
  const triaged = await triagedMonths(options);
  const filters = readFilters(c.req.query(), c.get('auth')!.account, triaged);
  if (filters === null) return null;
  const areas = await readVisitList(options.store, { month: filters.month, workerId: filters.workerId }, todayOf(options.clock));
  return { filters, areas, triaged };
}

function FilterForm(props: { filters: Filters; triaged: readonly Month[]; workers: readonly WorkerRecord[] }) {
  return (
    <form method="get" action="/huisbezoeken" class="filters" aria-label="Welke huisbezoeken">
      <MonthSelect value={props.filters.month} triaged={props.triaged} />
      <WorkerSelect workerId={props.filters.workerId} workers={props.workers} />
      <button type="submit">Toon</button>
    </form>
  );
}

function Visit(props: { visit: VisitArea['visits'][number]; number: number }) {
  const { visit, number } = props;
  const cells = visitCells(visit);
  const id = `bezoek-${visit.entry.ref}`;
  return (
    <article class="visit" aria-labelledby={id}>
      <h3 id={id}>{`${number}. ${cells.adres}`}</h3>
      <dl class="facts">
        <dt>Naam</dt>
        <dd>{cells.naam || '(naam onbekend)'}</dd>
        <dt>Melding</dt>
        <dd>
          <a href={`/melding/${visit.entry.ref}`}>{visit.entry.ref}</a>
        </dd>
        <dt>Medewerker</dt>
        <dd>{cells.medewerker}</dd>
        <dt>Achterstand</dt>
        <dd>{`${cells.organisaties} · totaal ${cells.totaal}`}</dd>
        <dt>Eerdere pogingen</dt>
        <dd>{visit.entry.attempts.length === 0 ? 'geen' : visit.entry.attempts.map(formatAttempt).join('; ')}</dd>
        <dt>Waarom een bezoek</dt>
        <dd>{cells.reden}</dd>
        {visit.proposeClosing && (
          <>
            <dt>Voorstel</dt>
            <dd class="proposal">{cells.voorstel}</dd>
          </>
        )}
      </dl>
      {/* Room to write at the door: on paper only. */}
      <div class="write" aria-hidden="true">
        {VISIT_WRITE_BOX.lines.map((line) => (
          <div class="line">{line}</div>
        ))}
        <div class="notes">{VISIT_WRITE_BOX.notes}</div>
      </div>
    </article>
  );
}

export function registerVisits(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/huisbezoeken', async (c) => {
    const auth = c.get('auth')!;
    const found = await visitsOf(c, options);
    if (found === null) {
      const none = (await triagedMonths(options)).length === 0;
      return c.html(
        <Page title="Huisbezoeken" auth={auth} current="/huisbezoeken">
          <Notice kind={none ? 'let-op' : 'fout'}>
            {none ? 'Er is nog geen getrieerde maand, dus nog geen huisbezoeken.' : 'Deze maand of medewerker bestaat niet, of de maand is nog niet getrieerd.'}
          </Notice>
          <p>
            <a href="/huisbezoeken">Naar de huisbezoeken van de laatste maand</a>
          </p>
        </Page>,
        none ? 200 : 400,
      );
    }
    const { filters, areas, triaged } = found;
    const workers = await options.store.workers();
    const count = areas.reduce((sum, area) => sum + area.visits.length, 0);
    const workerName = workers.find((w) => w.id === filters.workerId)?.name;
    let number = 0;
    return c.html(
      <Page title={`Huisbezoeken ${describeMonth(filters.month)}`} auth={auth} current="/huisbezoeken">
        <FilterForm filters={filters} triaged={triaged} workers={workers} />
        {count === 0 ? (
          <p>{`Geen huisbezoeken voor ${describeMonth(filters.month)}${workerName === undefined ? '' : ` bij ${workerName}`}.`}</p>
        ) : (
          <>
            <p class="count">
              {`${count} ${count === 1 ? 'adres' : 'adressen'} in route-volgorde${workerName === undefined ? ' (heel het team)' : ` bij ${workerName}`}, op ${dutchDate(todayOf(options.clock))}. `}
              <a href={`/huisbezoeken.csv?${filterQuery(filters)}`} class="downloads">
                Download voor Excel (CSV)
              </a>
            </p>
            <p class="privacy">
              Afgedrukt bevat deze lijst persoonsgegevens: neem haar niet mee naar huis en vernietig haar na de route (versnipperen). Leg de uitkomst vast op de werklijst of op de pagina van de melding.
            </p>
            {areas.map((area) => (
              <section aria-labelledby={`gebied-${area.area}`}>
                <h2 id={`gebied-${area.area}`}>{`Postcodegebied ${area.area} (${area.visits.length})`}</h2>
                {area.visits.map((visit) => (
                  <Visit visit={visit} number={++number} />
                ))}
              </section>
            ))}
          </>
        )}
      </Page>,
    );
  });

  // The list for Excel, as `eropaf visits --format csv` writes it.
  app.get('/huisbezoeken.csv', async (c) => {
    const found = await visitsOf(c, options);
    if (found === null) return c.notFound();
    const header = [...VISIT_COLUMNS];
    const rows = visitRows(found.areas);
    return c.body(formatExcelCsv(header, rows, { delimiter: ';', bom: true }), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="huisbezoeken-${found.filters.month}.csv"`,
    });
  });
}
