import type { Hono } from 'hono';
import { openWorkOf, teamOverview } from '../../app/overview.js';
import { formatCents } from '../../core/fields/amount.js';
import { describeMonth } from '../../core/month.js';
import { describePeriod } from '../../core/report/period.js';
import { localDateTime } from '../../terminal/dates.js';
import { describeTerm } from '../../core/worklist.js';
import type { WebEnv, WebOptions } from '../env.js';
import { todayOf } from '../format.js';
import { Notice, Page } from '../layout.js';

// Overzicht: per month what came in and how far the team is, the reminders the command line
// gives, and for a medewerker their own open meldingen first.

export function registerOverview(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/', async (c) => {
    const auth = c.get('auth')!;
    const overview = await teamOverview(options.store, todayOf(options.clock));
    const own = auth.account.role === 'medewerker' && auth.account.workerId !== null ? await openWorkOf(options.store, auth.account.workerId, todayOf(options.clock)) : null;
    const coordinator = auth.account.role === 'coordinator';
    return c.html(
      <Page title="Overzicht" auth={auth} current="/">
        {own !== null && (
          <section aria-labelledby="mijn-werk">
            <h2 id="mijn-werk">Mijn open meldingen</h2>
            {own.length === 0 ? (
              <p>U heeft geen meldingen zonder resultaat.</p>
            ) : (
              <table>
                <caption>{`${own.length} ${own.length === 1 ? 'melding' : 'meldingen'} zonder resultaat; die over de contacttermijn eerst`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Melding</th>
                    <th scope="col">Reden</th>
                    <th scope="col" class="num">Totaal</th>
                    <th scope="col" class="num">Pogingen</th>
                    <th scope="col">Termijn</th>
                  </tr>
                </thead>
                <tbody>
                  {own.map((e) => (
                    <tr>
                      <td>
                        <a href={`/melding/${e.ref}`}>{e.ref}</a>
                      </td>
                      <td>{e.reason}</td>
                      <td class="num">{formatCents(e.totalCents)}</td>
                      <td class="num">{e.attempts.length}</td>
                      <td>{describeTerm(e)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
        {overview.untriaged.map((month) => (
          <Notice kind="let-op">{`${describeMonth(month)} (${month}) is nog niet getrieerd${coordinator ? ': trieer de maand met "eropaf triage --month ' + month + '".' : '.'}`}</Notice>
        ))}
        {overview.pastTerm > 0 && (
          <Notice kind="let-op">
            {`Van ${overview.pastTerm} ${overview.pastTerm === 1 ? 'melding' : 'meldingen'} is de bewaartermijn voorbij; verwijder de persoonsgegevens met "eropaf purge" (bekijk het eerst met --dry-run).`}
          </Notice>
        )}
        {overview.changedDeliveries.map((d) => (
          <Notice kind="let-op">
            {`De landelijke levering over ${describePeriod(d.period)}, aangeleverd op ${localDateTime(d.deliveredAt)}, is sindsdien veranderd (later vastgelegde opvolging of resultaten); lever die periode opnieuw aan${coordinator ? ` met: eropaf export ddas --from ${d.period.from} --to ${d.period.to} --gemeentecode ${d.gemeentecode}` : ' (de coördinator)'}.`}
          </Notice>
        ))}
        <section aria-labelledby="maanden">
          <h2 id="maanden">Per maand</h2>
          {overview.months.length === 0 ? (
            <p>Nog geen maandlijsten ingelezen. Lees een lijst in met: eropaf import BESTAND</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Maand</th>
                  <th scope="col" class="num">Ontvangen</th>
                  <th scope="col">Getrieerd</th>
                  <th scope="col" class="num">Toegewezen</th>
                  <th scope="col" class="num">Opgevolgd</th>
                  <th scope="col" class="num">Open</th>
                  <th scope="col" class="num">Uitgesteld</th>
                  <th scope="col" class="num">Afgesloten</th>
                  <th scope="col" class="num">Termijn verlopen</th>
                </tr>
              </thead>
              <tbody>
                {overview.months.map((m) => (
                  <tr>
                    <th scope="row">{m.triaged ? <a href={`/werklijst?maand=${m.month}`}>{m.month}</a> : m.month}</th>
                    <td class="num">{m.received}</td>
                    <td>{m.triaged ? 'ja' : 'nee'}</td>
                    <td class="num">{m.assigned}</td>
                    <td class="num">{m.followedUp}</td>
                    <td class="num">{m.open}</td>
                    <td class="num">{m.deferred}</td>
                    <td class="num">{m.closed}</td>
                    <td class="num">{m.pastContactTerm}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </Page>,
    );
  });
}
