import type { Hono } from 'hono';
import { openMelding } from '../../app/melding.js';
import { formatCents } from '../../core/fields/amount.js';
import { describeMonth } from '../../core/month.js';
import { auditedStore, type WebEnv, type WebOptions } from '../env.js';
import { localDateTime } from '../../terminal/dates.js';
import { dutchDate } from '../format.js';
import { Page } from '../layout.js';

// Melding: everything about one melding, for when a resident calls back: its signals, the
// triage decision and why, attempts and result, and the household's earlier meldingen.

const DECISIONS: Record<string, string> = {
  altijd: 'altijd opgepakt',
  capaciteit: 'opgepakt binnen de capaciteit',
  'niet-opgepakt': 'niet opgepakt',
  uitgesteld: 'uitgesteld (capaciteit)',
};

export function registerMelding(app: Hono<WebEnv>, options: WebOptions): void {
  app.get('/melding/:ref', async (c) => {
    const auth = c.get('auth')!;
    const ref = c.req.param('ref');
    const opened = await openMelding(auditedStore(c, options, 'melding bekijken', { melding: ref }), ref);
    if (opened === undefined) return c.notFound();
    const { melding, changes } = opened;
    return c.html(
      <Page title={`Melding ${melding.ref}`} auth={auth}>
        <dl class="facts">
          <dt>Lijst</dt>
          <dd>{`${describeMonth(melding.month)} (${melding.month})`}</dd>
          <dt>Soort</dt>
          <dd>{`${melding.category}${melding.opeenvolgend ? ', opeenvolgend' : ''}${melding.onLastMonth ? ', vorige maand ook op de lijst' : ''}`}</dd>
          <dt>Triage</dt>
          <dd>{melding.decision === null ? 'nog niet getrieerd' : DECISIONS[melding.decision.kind]}</dd>
          <dt>Reden</dt>
          <dd>{melding.decision?.reason ?? '—'}</dd>
          <dt>Medewerker</dt>
          <dd>{melding.decision?.worker ?? '(nog niemand)'}</dd>
        </dl>
        {melding.purged && <p class="notice let-op">De persoonsgegevens van deze melding zijn na de bewaartermijn verwijderd.</p>}

        <h2>Signalen</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Organisatie</th>
              <th scope="col">Soort</th>
              <th scope="col" class="num">Bedrag</th>
              <th scope="col">Signaaldatum</th>
              <th scope="col">Naam</th>
              <th scope="col">Adres</th>
              <th scope="col">Telefoon</th>
              <th scope="col">E-mail</th>
              <th scope="col">BSN</th>
            </tr>
          </thead>
          <tbody>
            {melding.signals.map((s) => (
              <tr>
                <td>{s.schuldeiser ?? s.signaalpartner}</td>
                <td>{s.signaalpartner}</td>
                <td class="num">{formatCents(s.bedragCents)}</td>
                <td>{dutchDate(s.signaaldatum)}</td>
                <td>{s.naam ?? ''}</td>
                <td>{s.adres}</td>
                <td>{s.telefoon ?? ''}</td>
                <td>{s.email ?? ''}</td>
                <td>{s.bsn ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Contactpogingen</h2>
        {melding.contacts.length === 0 ? (
          <p>Nog geen contactpogingen.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Tijd</th>
                <th scope="col">Dagdeel</th>
                <th scope="col">Soort</th>
                <th scope="col">Bereikt</th>
                <th scope="col">Notitie</th>
              </tr>
            </thead>
            <tbody>
              {melding.contacts.map((contact) => (
                <tr>
                  <td>{dutchDate(contact.datum)}</td>
                  <td>{contact.tijd ?? ''}</td>
                  <td>{contact.dagdeel ?? ''}</td>
                  <td>{contact.soort}</td>
                  <td>{contact.bereikt ? 'ja' : 'nee'}</td>
                  <td>{contact.notitie ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>Resultaat</h2>
        {melding.result === null ? (
          melding.decision?.kind === 'altijd' || melding.decision?.kind === 'capaciteit' ? (
            <p>
              Nog geen resultaat. Leg het vast op de <a href={`/werklijst?maand=${melding.month}&medewerker=alle#m-${melding.ref}`}>werklijst</a>.
            </p>
          ) : (
            <p>Nog geen resultaat.</p>
          )
        ) : (
          <dl class="facts">
            <dt>Resultaat</dt>
            <dd>{melding.result.resultaat}</dd>
            <dt>Verwezen naar</dt>
            <dd>{melding.result.referredTo ?? '—'}</dd>
            <dt>Afgesloten op</dt>
            <dd>{dutchDate(melding.result.closedOn)}</dd>
            <dt>Vastgelegd door</dt>
            <dd>{melding.result.source === 'medewerker' ? 'een medewerker' : 'de triage'}</dd>
          </dl>
        )}

        <h2>Wie deed wat</h2>
        {changes.length === 0 ? (
          <p>Nog niets vastgelegd voor deze melding.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Tijdstip</th>
                <th scope="col">Wie</th>
                <th scope="col">Opdracht</th>
                <th scope="col">Aantallen</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((r) => (
                <tr>
                  <td>{localDateTime(r.at)}</td>
                  <td>{r.account ?? `${r.osUser} (opdrachtregel)`}</td>
                  <td>{r.command}</td>
                  <td>{Object.entries(r.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>Eerdere en latere meldingen van dit huishouden</h2>
        {melding.history.length === 0 ? (
          <p>Dit huishouden heeft geen andere meldingen.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Melding</th>
                <th scope="col">Triage</th>
                <th scope="col">Opgevolgd</th>
                <th scope="col">Resultaat</th>
              </tr>
            </thead>
            <tbody>
              {melding.history.map((h) => (
                <tr>
                  <td>
                    <a href={`/melding/${h.ref}`}>{h.ref}</a>
                  </td>
                  <td>{h.decision === null ? 'nog niet getrieerd' : DECISIONS[h.decision]}</td>
                  <td>{h.opgevolgd ? 'ja' : 'nee'}</td>
                  <td>{h.resultaat ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Page>,
    );
  });
}
