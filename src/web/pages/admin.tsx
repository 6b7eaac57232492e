import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { addAccount, resetPassword, setAccountActive } from '../../app/accounts.js';
import { changeSetting, settingTakesEffect } from '../../app/settings.js';
import { handOver, type HandoverChoice } from '../../app/handover.js';
import { addWorker, updateWorker } from '../../app/workers.js';
import { isLocked, parseRole, ROLES } from '../../core/accounts.js';
import { DataError, EropafError } from '../../core/errors.js';
import { localDateTime } from '../../terminal/dates.js';
import { describeSettings } from '../../core/settings.js';
import { auditedStore, type WebContext, type WebEnv, type WebOptions } from '../env.js';
import { InputField, SelectField } from '../fields.js';
import { CsrfField, Notice, Page } from '../layout.js';
import { coordinatorOnly } from '../session.js';

// Beheer (coordinator): accounts and roles, workers and capacity, settings, and the audit log.
// Every change goes through the use case the command line uses (users, workers, config set) and
// is audited with the account. After a change the page is shown again with what happened.

const SECTIONS = [
  { href: '/beheer/gebruikers', label: 'Gebruikers' },
  { href: '/beheer/medewerkers', label: 'Medewerkers' },
  { href: '/beheer/instellingen', label: 'Instellingen' },
  { href: '/beheer/opschonen', label: 'Opschonen' },
  { href: '/beheer/logboek', label: 'Logboek' },
] as const;

/** How many audit records the log page shows, newest first. */
const AUDIT_SHOWN = 200;

export function AdminPage(props: { c: WebContext; title: string; href: string; notice?: { kind: 'ok' | 'fout'; text: string } | undefined; children?: Child }) {
  return (
    <Page title={`Beheer: ${props.title}`} auth={props.c.get('auth')!} current="/beheer/gebruikers">
      <nav aria-label="Beheer" class="subnav">
        <ul>
          {SECTIONS.map((s) => (
            <li>
              <a href={s.href} aria-current={s.href === props.href ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.notice !== undefined && <Notice kind={props.notice.kind}>{props.notice.text}</Notice>}
      {props.children}
    </Page>
  );
}

const text = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');

/** Runs a change; a domain error (with its hint) becomes the page's notice instead of an error page. */
async function attempt(work: () => Promise<string>): Promise<{ kind: 'ok' | 'fout'; text: string }> {
  try {
    return { kind: 'ok', text: await work() };
  } catch (error) {
    if (!(error instanceof EropafError)) throw error;
    return { kind: 'fout', text: `${error.message}${error.hint === undefined ? '' : ` ${error.hint}`}` };
  }
}

async function accountsPage(c: WebContext, options: WebOptions, notice?: { kind: 'ok' | 'fout'; text: string }) {
  const auth = c.get('auth')!;
  const accounts = await options.store.accounts();
  const workers = await options.store.workers();
  const now = options.clock();
  return c.html(
    <AdminPage c={c} title="Gebruikers" href="/beheer/gebruikers" notice={notice}>
      <table>
        <caption>Wie kan inloggen</caption>
        <thead>
          <tr>
            <th scope="col">Gebruiker</th>
            <th scope="col">Rol</th>
            <th scope="col">Medewerker</th>
            <th scope="col">Actief</th>
            <th scope="col">Geblokkeerd</th>
            <th scope="col">Wijzigen</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr>
              <th scope="row">{a.name}</th>
              <td>{a.role}</td>
              <td>{a.workerName ?? ''}</td>
              <td>{a.active ? 'ja' : 'nee'}</td>
              <td>{isLocked(a.lockedUntil, now) ? 'ja' : 'nee'}</td>
              <td>
                <form method="post" action="/beheer/gebruikers/actief" class="inline">
                  <CsrfField auth={auth} />
                  <input type="hidden" name="gebruiker" value={a.name} />
                  <input type="hidden" name="actief" value={a.active ? 'nee' : 'ja'} />
                  <button type="submit">{a.active ? `${a.name} uitzetten` : `${a.name} weer aanzetten`}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Gebruiker toevoegen</h2>
      <form method="post" action="/beheer/gebruikers" novalidate>
        <CsrfField auth={auth} />
        <InputField id="nieuw-naam" name="gebruiker" label="Gebruikersnaam" value="" />
        <SelectField id="nieuw-rol" name="rol" label="Rol" value="medewerker" options={ROLES.map((r) => ({ value: r, label: r }))} />
        <SelectField id="nieuw-medewerker" name="medewerker" label="Werklijst van" value="" options={[{ value: '', label: '(geen)' }, ...workers.map((w) => ({ value: w.name, label: w.name }))]} />
        <InputField id="nieuw-wachtwoord" name="wachtwoord" label="Wachtwoord (minstens 12 tekens)" type="password" value="" />
        <InputField id="nieuw-wachtwoord2" name="wachtwoord2" label="Wachtwoord nog een keer" type="password" value="" />
        <button type="submit">Gebruiker toevoegen</button>
      </form>

      <h2>Nieuw wachtwoord geven</h2>
      <form method="post" action="/beheer/gebruikers/wachtwoord" novalidate>
        <CsrfField auth={auth} />
        <SelectField id="reset-naam" name="gebruiker" label="Gebruiker" value="" options={accounts.map((a) => ({ value: a.name, label: a.name }))} />
        <InputField id="reset-wachtwoord" name="wachtwoord" label="Nieuw wachtwoord (minstens 12 tekens)" type="password" value="" />
        <InputField id="reset-wachtwoord2" name="wachtwoord2" label="Nieuw wachtwoord nog een keer" type="password" value="" />
        <button type="submit">Wachtwoord wijzigen</button>
      </form>
    </AdminPage>,
    notice?.kind === 'fout' ? 422 : 200,
  );
}

async function workersPage(c: WebContext, options: WebOptions, notice?: { kind: 'ok' | 'fout'; text: string }) {
  const auth = c.get('auth')!;
  const workers = await options.store.workers();
  return c.html(
    <AdminPage c={c} title="Medewerkers" href="/beheer/medewerkers" notice={notice}>
      <table>
        <caption>Medewerkers en hun capaciteit (nieuwe meldingen per maand)</caption>
        <thead>
          <tr>
            <th scope="col">Naam</th>
            <th scope="col">Actief</th>
            <th scope="col">Capaciteit</th>
            <th scope="col">Aan of uit</th>
          </tr>
        </thead>
        <tbody>
          {workers.map((w) => (
            <tr>
              <th scope="row">{w.name}</th>
              <td>{w.active ? 'ja' : 'nee'}</td>
              <td>
                <form method="post" action="/beheer/medewerkers/capaciteit" class="inline">
                  <CsrfField auth={auth} />
                  <input type="hidden" name="medewerker" value={w.name} />
                  <label for={`capaciteit-${w.id}`}>{`Capaciteit van ${w.name}`}</label>
                  <input id={`capaciteit-${w.id}`} name="capaciteit" type="number" min="0" value={String(w.capacity)} />
                  <button type="submit">Opslaan</button>
                </form>
              </td>
              <td>
                <form method="post" action="/beheer/medewerkers/actief" class="inline">
                  <CsrfField auth={auth} />
                  <input type="hidden" name="medewerker" value={w.name} />
                  <input type="hidden" name="actief" value={w.active ? 'nee' : 'ja'} />
                  {w.active && (
                    <>
                      <label for={`overdracht-${w.id}`}>{`Open werk van ${w.name} naar`}</label>
                      <select id={`overdracht-${w.id}`} name="naar">
                        <option value="">verdelen over de actieve collega's</option>
                        {workers
                          .filter((other) => other.active && other.id !== w.id)
                          .map((other) => (
                            <option value={other.name}>{other.name}</option>
                          ))}
                      </select>
                    </>
                  )}
                  <button type="submit">{w.active ? `${w.name} op non-actief` : `${w.name} weer actief`}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Medewerker toevoegen</h2>
      <form method="post" action="/beheer/medewerkers" novalidate>
        <CsrfField auth={auth} />
        <InputField id="nieuw-medewerker" name="medewerker" label="Naam" value="" />
        <InputField id="nieuw-capaciteit" name="capaciteit" label="Capaciteit (nieuwe meldingen per maand)" type="number" value="" />
        <button type="submit">Medewerker toevoegen</button>
      </form>
    </AdminPage>,
    notice?.kind === 'fout' ? 422 : 200,
  );
}

async function settingsPage(c: WebContext, options: WebOptions, notice?: { kind: 'ok' | 'fout'; text: string }) {
  const auth = c.get('auth')!;
  const settings = describeSettings(await options.store.settings());
  return c.html(
    <AdminPage c={c} title="Instellingen" href="/beheer/instellingen" notice={notice}>
      {settings.map((s) => (
        <form method="post" action="/beheer/instellingen" class="setting" novalidate>
          <CsrfField auth={auth} />
          <input type="hidden" name="instelling" value={s.key} />
          <p class="field">
            <label for={`instelling-${s.key}`}>{s.key}</label>
            <span id={`instelling-${s.key}-uitleg`} class="hint">{`${s.description}${s.isDefault ? ' (nu de standaard)' : ''}`}</span>
            <input id={`instelling-${s.key}`} name="waarde" type="text" value={s.value} aria-describedby={`instelling-${s.key}-uitleg`} />
          </p>
          <button type="submit">{`${s.key} opslaan`}</button>
        </form>
      ))}
    </AdminPage>,
    notice?.kind === 'fout' ? 422 : 200,
  );
}

export function registerAdmin(app: Hono<WebEnv>, options: WebOptions): void {
  const only = coordinatorOnly();
  app.get('/beheer', only, (c) => c.redirect('/beheer/gebruikers', 303));
  app.get('/beheer/gebruikers', only, (c) => accountsPage(c, options));
  app.get('/beheer/medewerkers', only, (c) => workersPage(c, options));
  app.get('/beheer/instellingen', only, (c) => settingsPage(c, options));

  app.post('/beheer/gebruikers', only, async (c) => {
    const form = await c.req.parseBody();
    const name = text(form, 'gebruiker');
    const notice = await attempt(async () => {
      const role = parseRole(text(form, 'rol'));
      if (!role.ok) throw new DataError('Kies de rol: coordinator of medewerker.');
      if (text(form, 'wachtwoord') !== text(form, 'wachtwoord2')) throw new DataError('De twee wachtwoorden zijn niet gelijk; er is niets opgeslagen.');
      const worker = text(form, 'medewerker');
      const store = auditedStore(c, options, 'users add', { argumenten: [name], role: role.value, ...(worker !== '' && { worker }) });
      const account = await addAccount(store, { name, role: role.value, ...(worker !== '' && { worker }), password: text(form, 'wachtwoord'), createdAt: options.clock().toISOString() });
      return `Gebruiker ${account.name} toegevoegd (${account.role}).`;
    });
    return accountsPage(c, options, notice);
  });

  app.post('/beheer/gebruikers/actief', only, async (c) => {
    const form = await c.req.parseBody();
    const name = text(form, 'gebruiker');
    const active = text(form, 'actief') === 'ja';
    const notice = await attempt(async () => {
      if (!active && name.toLowerCase() === c.get('auth')!.account.name.toLowerCase()) throw new DataError('U kunt uw eigen account niet uitzetten.');
      const account = await setAccountActive(auditedStore(c, options, active ? 'users activate' : 'users deactivate', { argumenten: [name] }), name, active);
      return `${account.name} ${active ? 'kan weer inloggen' : 'kan niet meer inloggen'}.`;
    });
    return accountsPage(c, options, notice);
  });

  app.post('/beheer/gebruikers/wachtwoord', only, async (c) => {
    const form = await c.req.parseBody();
    const name = text(form, 'gebruiker');
    const notice = await attempt(async () => {
      if (text(form, 'wachtwoord') !== text(form, 'wachtwoord2')) throw new DataError('De twee wachtwoorden zijn niet gelijk; er is niets opgeslagen.');
      const account = await resetPassword(auditedStore(c, options, 'users reset-password', { argumenten: [name] }), name, text(form, 'wachtwoord'));
      return `${account.name} heeft een nieuw wachtwoord; eventuele sessies zijn beëindigd.`;
    });
    return accountsPage(c, options, notice);
  });

  app.post('/beheer/medewerkers', only, async (c) => {
    const form = await c.req.parseBody();
    const name = text(form, 'medewerker');
    const notice = await attempt(async () => {
      const capacity = parseCapacity(text(form, 'capaciteit'));
      const worker = await addWorker(auditedStore(c, options, 'workers add', { argumenten: [name], capacity }), { name, capacity, createdAt: options.clock().toISOString() });
      return `Medewerker ${worker.name} toegevoegd, capaciteit ${worker.capacity} per maand.`;
    });
    return workersPage(c, options, notice);
  });

  app.post('/beheer/medewerkers/capaciteit', only, async (c) => {
    const form = await c.req.parseBody();
    const name = text(form, 'medewerker');
    const notice = await attempt(async () => {
      const capacity = parseCapacity(text(form, 'capaciteit'));
      const worker = await updateWorker(auditedStore(c, options, 'workers set', { argumenten: [name], capacity }), name, { capacity });
      return `Capaciteit van ${worker.name} is nu ${capacity} per maand.`;
    });
    return workersPage(c, options, notice);
  });

  app.post('/beheer/medewerkers/actief', only, async (c) => {
    const form = await c.req.parseBody();
    const name = text(form, 'medewerker');
    const active = text(form, 'actief') === 'ja';
    const notice = await attempt(async () => {
      if (active) {
        const worker = await updateWorker(auditedStore(c, options, 'workers activate', { argumenten: [name] }), name, { active });
        return `${worker.name} is weer actief.`;
      }
      // As `workers deactivate`: the open work goes to a colleague or is spread, never left behind.
      const colleague = text(form, 'naar');
      const target: HandoverChoice = colleague === '' ? { kind: 'spread' } : { kind: 'colleague', name: colleague };
      const store = auditedStore(c, options, 'workers deactivate', { argumenten: [name], ...(colleague === '' ? { spread: true } : { handover: colleague }) });
      const outcome = await handOver(store, { from: name, target, deactivate: true, dryRun: false });
      const moved = outcome.moves.length === 0 ? 'had geen open meldingen' : `${outcome.moves.length} open ${outcome.moves.length === 1 ? 'melding is' : 'meldingen zijn'} overgedragen`;
      return `${outcome.worker.name} is op non-actief gezet; ${moved}.`;
    });
    return workersPage(c, options, notice);
  });

  app.post('/beheer/instellingen', only, async (c) => {
    const form = await c.req.parseBody();
    const key = text(form, 'instelling');
    const notice = await attempt(async () => {
      const value = await changeSetting(auditedStore(c, options, 'config set', { argumenten: [key, text(form, 'waarde')] }), key, text(form, 'waarde'));
      return `${key} is nu ${value}. Dit geldt vanaf ${settingTakesEffect(key)}.`;
    });
    return settingsPage(c, options, notice);
  });

  app.get('/beheer/logboek', only, async (c) => {
    const records = (await options.store.auditRecords(null)).slice(-AUDIT_SHOWN).reverse();
    return c.html(
      <AdminPage c={c} title="Logboek" href="/beheer/logboek">
        <table>
          <caption>{`De laatste ${records.length} wijzigingen en geopende meldingen, nieuwste eerst (alles: eropaf audit)`}</caption>
          <thead>
            <tr>
              <th scope="col">Tijdstip</th>
              <th scope="col">Account</th>
              <th scope="col">Computergebruiker</th>
              <th scope="col">Opdracht</th>
              <th scope="col">Opties</th>
              <th scope="col">Aantallen</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr>
                <td>{localDateTime(r.at)}</td>
                <td>{r.account ?? ''}</td>
                <td>{r.osUser}</td>
                <td>{r.command}</td>
                <td>{JSON.stringify(r.options)}</td>
                <td>{Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminPage>,
    );
  });
}

function parseCapacity(value: string): number {
  const trimmed = value.trim();
  if (/^\d{1,6}$/.test(trimmed)) return Number(trimmed);
  throw new DataError('Geef de capaciteit als heel getal van 0 of meer, bijvoorbeeld 17.');
}
