import type { Hono } from 'hono';
import { FIND_LIMIT, findHousehold, type FindResult } from '../../app/find-household.js';
import { householdAddress, personLine } from '../../core/find.js';
import { UsageError } from '../../core/errors.js';
import { formatCents } from '../../core/fields/amount.js';
import type { Auth, WebEnv, WebOptions } from '../env.js';
import { dutchDate } from '../format.js';
import { CsrfField, Notice, Page } from '../layout.js';

// Zoeken: find a household when a resident calls back, as `eropaf find` does (the same use case,
// so the BSN is masked at the source). What was typed comes as a POST and is only ever in the
// page's body: never in a URL, never in a log.

const FIELD = 'zoek-tekst';
const MAX_QUERY_LENGTH = 200;

type Outcome = { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'found'; result: FindResult };

function SearchPage(props: { auth: Auth; typed: string; outcome: Outcome }) {
  const { outcome } = props;
  const error = outcome.kind === 'error' ? outcome.message : undefined;
  return (
    <Page title="Zoeken" auth={props.auth}>
      <form method="post" action="/zoeken" class="filters" novalidate>
        <CsrfField auth={props.auth} />
        <p class="field">
          <label for={FIELD}>Meldingnummer, postcode en huisnummer, telefoonnummer of naam</label>
          <span id={`${FIELD}-uitleg`} class="hint">
            Bijvoorbeeld 2022-01-017, 2101AB 12, 06-12345678 of de Vries.
          </span>
          <input
            id={FIELD}
            name="zoek"
            type="search"
            autocomplete="off"
            value={props.typed}
            aria-invalid={error === undefined ? undefined : 'true'}
            aria-describedby={error === undefined ? `${FIELD}-uitleg` : `${FIELD}-uitleg ${FIELD}-fout`}
          />
          {error !== undefined && (
            <span id={`${FIELD}-fout`} class="field-error">
              {error}
            </span>
          )}
        </p>
        <button type="submit">Zoek</button>
      </form>
      {outcome.kind === 'found' && <Found result={outcome.result} />}
    </Page>
  );
}

function Found(props: { result: FindResult }) {
  const { households, more } = props.result;
  if (households.length === 0) return <p role="status">Geen huishouden gevonden.</p>;
  return (
    <>
      <p role="status">{`${households.length} ${households.length === 1 ? 'huishouden' : 'huishoudens'} gevonden.`}</p>
      {more && <Notice kind="let-op">{`Meer dan ${FIND_LIMIT} huishoudens gevonden; alleen de eerste ${FIND_LIMIT} staan hier. Zoek preciezer.`}</Notice>}
      {households.map((household, i) => (
        <section class="household" aria-labelledby={`huishouden-${i}`}>
          <h2 id={`huishouden-${i}`}>{`Huishouden ${householdAddress(household.address)}`}</h2>
          {household.people.length > 0 && (
            <ul>
              {household.people.map((p) => (
                <li>{personLine(p)}</li>
              ))}
            </ul>
          )}
          <table>
            <caption>Meldingen van dit huishouden</caption>
            <thead>
              <tr>
                <th scope="col">Melding</th>
                <th scope="col">Soort</th>
                <th scope="col">Besluit</th>
                <th scope="col">Medewerker</th>
                <th scope="col">Stand</th>
                <th scope="col" class="num">Pogingen</th>
                <th scope="col">Laatste poging</th>
                <th scope="col">Resultaat</th>
                <th scope="col" class="num">Totaal</th>
                <th scope="col">Organisaties</th>
              </tr>
            </thead>
            <tbody>
              {household.meldingen.map((m) => (
                <tr>
                  <td>
                    <a href={`/melding/${m.ref}`}>{m.ref}</a>
                  </td>
                  <td>{m.category}</td>
                  <td>{m.decision ?? ''}</td>
                  <td>{m.worker ?? ''}</td>
                  <td>{m.state}</td>
                  <td class="num">{m.contacts}</td>
                  <td>{m.lastContact === null ? '' : dutchDate(m.lastContact)}</td>
                  <td>{m.result ?? ''}</td>
                  <td class="num">{formatCents(m.totalCents)}</td>
                  <td>{m.organisations.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

export function registerSearch(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/zoeken', (c) => c.html(<SearchPage auth={c.get('auth')!} typed="" outcome={{ kind: 'none' }} />));

  app.post('/zoeken', async (c) => {
    const auth = c.get('auth')!;
    const form = await c.req.parseBody();
    const typed = typeof form.zoek === 'string' ? form.zoek.slice(0, MAX_QUERY_LENGTH) : '';
    if (typed.trim() === '') return c.html(<SearchPage auth={auth} typed="" outcome={{ kind: 'error', message: 'Vul in wat u zoekt.' }} />, 422);
    try {
      const result = await findHousehold(options.store, typed);
      return c.html(<SearchPage auth={auth} typed={typed} outcome={{ kind: 'found', result }} />);
    } catch (error) {
      // What cannot be a search is the command line's message, next to the field.
      if (!(error instanceof UsageError)) throw error;
      return c.html(<SearchPage auth={auth} typed={typed} outcome={{ kind: 'error', message: error.message }} />, 422);
    }
  });
}
