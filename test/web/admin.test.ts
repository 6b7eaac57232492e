// Beheer: the coordinator manages accounts, workers and settings through the command line's use
// cases, each change audited with the account; a medewerker gets 403 on every page of it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { runEropaf } from '../e2e/helpers.js';
import { Browser, PASSWORD, signedIn, webFixture, type WebFixture } from './web-app.js';

let web: WebFixture;
let coord: Browser;
beforeAll(async () => {
  web = await webFixture('eropaf-web-admin-');
  coord = await signedIn(web.app, 'coord');
});
afterAll(() => web.close());

const NEW_PASSWORD = 'nog een lange zin hier';

describe('Beheer', () => {
  it('is for the coordinator only, every page and every change', async () => {
    const anna = await signedIn(web.app, 'anna');
    for (const path of ['/beheer', '/beheer/gebruikers', '/beheer/medewerkers', '/beheer/instellingen', '/beheer/logboek']) {
      expect((await anna.get(path)).status).toBe(403);
    }
    for (const path of ['/beheer/gebruikers', '/beheer/gebruikers/actief', '/beheer/gebruikers/wachtwoord', '/beheer/medewerkers', '/beheer/medewerkers/capaciteit', '/beheer/medewerkers/actief', '/beheer/instellingen']) {
      expect((await anna.submit(path, { gebruiker: 'anna', actief: 'nee', rol: 'coordinator', wachtwoord: NEW_PASSWORD, wachtwoord2: NEW_PASSWORD })).status).toBe(403);
    }
    expect(queryFile(web.bundled.file, "SELECT name, role, active FROM accounts WHERE name = 'anna'")).toEqual([{ name: 'anna', role: 'medewerker', active: 1 }]);
  });

  it('adds an account that can sign in, refuses a short or mistyped password, and never logs a password', async () => {
    await coord.get('/beheer/gebruikers');
    const short = await coord.submit('/beheer/gebruikers', { gebruiker: 'bram', rol: 'medewerker', medewerker: 'Bram Jansen', wachtwoord: 'kort', wachtwoord2: 'kort' });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('minstens 12 tekens');
    const mistyped = await coord.submit('/beheer/gebruikers', { gebruiker: 'bram', rol: 'medewerker', medewerker: '', wachtwoord: NEW_PASSWORD, wachtwoord2: `${NEW_PASSWORD}!` });
    expect(await mistyped.text()).toContain('niet gelijk');
    expect(queryFile(web.bundled.file, "SELECT count(*) AS n FROM accounts WHERE name = 'bram'")).toEqual([{ n: 0 }]);

    const added = await coord.submit('/beheer/gebruikers', { gebruiker: 'bram', rol: 'medewerker', medewerker: 'Bram Jansen', wachtwoord: NEW_PASSWORD, wachtwoord2: NEW_PASSWORD });
    expect(added.status).toBe(200);
    expect(await added.text()).toContain('Gebruiker bram toegevoegd (medewerker).');
    expect((await new Browser(web.app).login('bram', NEW_PASSWORD)).status).toBe(303);
    const audit = JSON.stringify(queryFile(web.bundled.file, 'SELECT * FROM audit'));
    expect(audit).toContain('"web users add"');
    expect(audit).not.toContain(NEW_PASSWORD);
  });

  it('deactivates and activates an account, but not one\'s own', async () => {
    await coord.get('/beheer/gebruikers');
    const bram = new Browser(web.app);
    expect((await bram.login('bram', NEW_PASSWORD)).status).toBe(303);
    expect((await coord.submit('/beheer/gebruikers/actief', { gebruiker: 'bram', actief: 'nee' })).status).toBe(200);
    expect((await bram.get('/')).status).toBe(303);
    expect((await new Browser(web.app).login('bram', NEW_PASSWORD)).status).toBe(401);
    expect((await coord.submit('/beheer/gebruikers/actief', { gebruiker: 'bram', actief: 'ja' })).status).toBe(200);
    expect((await new Browser(web.app).login('bram', NEW_PASSWORD)).status).toBe(303);
    const own = await coord.submit('/beheer/gebruikers/actief', { gebruiker: 'coord', actief: 'nee' });
    expect(own.status).toBe(422);
    expect(queryFile(web.bundled.file, "SELECT active FROM accounts WHERE name = 'coord'")).toEqual([{ active: 1 }]);
  });

  it('gives a new password, which ends the account\'s sessions', async () => {
    const anna = await signedIn(web.app, 'anna');
    await coord.get('/beheer/gebruikers');
    expect((await coord.submit('/beheer/gebruikers/wachtwoord', { gebruiker: 'anna', wachtwoord: NEW_PASSWORD, wachtwoord2: NEW_PASSWORD })).status).toBe(200);
    expect((await anna.get('/')).status).toBe(303);
    expect((await new Browser(web.app).login('anna', PASSWORD)).status).toBe(401);
    expect((await new Browser(web.app).login('anna', NEW_PASSWORD)).status).toBe(303);
  });

  it('adds workers and changes capacity and activity', async () => {
    await coord.get('/beheer/medewerkers');
    expect((await coord.submit('/beheer/medewerkers', { medewerker: 'Carla Smit', capaciteit: 'veel' })).status).toBe(422);
    expect((await coord.submit('/beheer/medewerkers', { medewerker: 'Carla Smit', capaciteit: '12' })).status).toBe(200);
    expect((await coord.submit('/beheer/medewerkers/capaciteit', { medewerker: 'Carla Smit', capaciteit: '14' })).status).toBe(200);
    expect((await coord.submit('/beheer/medewerkers/actief', { medewerker: 'Carla Smit', actief: 'nee' })).status).toBe(200);
    expect(queryFile(web.bundled.file, "SELECT name, capacity, active FROM workers WHERE name = 'Carla Smit'")).toEqual([{ name: 'Carla Smit', capacity: 14, active: 0 }]);
  });

  it('puts a worker on non-active as `workers deactivate` does: the open work goes to colleagues', async () => {
    const openOf = (name: string): number =>
      queryFile<{ n: number }>(
        web.bundled.file,
        `SELECT count(*) AS n FROM melding_status s JOIN workers w ON w.id = s.worker_id LEFT JOIN results r ON r.melding_id = s.melding_id
         WHERE w.name = ? AND s.decision IN ('altijd', 'capaciteit') AND r.melding_id IS NULL`,
        name,
      )[0]!.n;
    const annas = openOf('Anna de Vries');
    const brams = openOf('Bram Jansen');
    expect(annas).toBeGreaterThan(0);
    await coord.get('/beheer/medewerkers');
    const done = await coord.submit('/beheer/medewerkers/actief', { medewerker: 'Anna de Vries', actief: 'nee', naar: 'Bram Jansen' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(`Anna de Vries is op non-actief gezet; ${annas} open meldingen zijn overgedragen.`);
    expect(openOf('Anna de Vries')).toBe(0);
    expect(openOf('Bram Jansen')).toBe(brams + annas);
    expect(queryFile(web.bundled.file, "SELECT active FROM workers WHERE name = 'Anna de Vries'")).toEqual([{ active: 0 }]);
    expect((await coord.submit('/beheer/medewerkers/actief', { medewerker: 'Anna de Vries', actief: 'ja' })).status).toBe(200);
  });

  it('changes a setting as `config set` does, and refuses a bad value with its explanation', async () => {
    await coord.get('/beheer/instellingen');
    const bad = await coord.submit('/beheer/instellingen', { instelling: 'triage.drempel', waarde: 'heel veel' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('verwacht een bedrag');
    expect((await coord.submit('/beheer/instellingen', { instelling: 'triage.drempel', waarde: '25' })).status).toBe(200);
    expect(queryFile(web.bundled.file, "SELECT value FROM settings WHERE key = 'triage.drempel'")).toEqual([{ value: '€ 25,00' }]);
    expect((await coord.submit('/beheer/instellingen', { instelling: 'bestaat.niet', waarde: '1' })).status).toBe(422);
  });

  it('shows the audit log with the account of each change, here and in `eropaf audit`', async () => {
    const html = await (await coord.get('/beheer/logboek')).text();
    expect(html).toMatch(/<td>coord<\/td><td>test<\/td><td>web config set<\/td>/);
    expect(html).not.toContain(NEW_PASSWORD);
    const cli = runEropaf(['audit'], { cwd: web.bundled.dir, db: web.bundled.file });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/coord \(webapp\) +web config set/);
  });
});
