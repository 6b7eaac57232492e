// The melding page offers every correction of the command line, each stored through the same use
// case and audited with the account: correct or delete an attempt, record, change and reopen a
// result, pick up a melding the triage did not, and hand one melding to a colleague. A refused
// form shows the command line's message next to its field and changes nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../app/bundled-store.js';
import { expectAnonymousRefused, expectForgedRefused } from './refusals.js';
import { signedIn, webFixture, type Browser, type WebFixture } from './web-app.js';

let web: WebFixture;
let coord: Browser;
let anna: Browser;
beforeAll(async () => {
  web = await webFixture('eropaf-web-corrections-');
  coord = await signedIn(web.app, 'coord');
  anna = await signedIn(web.app, 'anna');
});
afterAll(() => web.close());

const REF = "m.month || '-' || printf('%03d', m.seq)";

/** February's meldingen of a worker (by name), or of a triage decision, in reference order. */
function refs(where: string): string[] {
  return queryFile<{ ref: string }>(
    web.bundled.file,
    `SELECT ${REF} AS ref FROM meldingen m JOIN decisions d ON d.melding_id = m.id LEFT JOIN workers w ON w.id = d.worker_id
     WHERE m.month = '2022-02' AND ${where} ORDER BY m.seq`,
  ).map((r) => r.ref);
}

const annas = (): string[] => refs("w.name = 'Anna de Vries' AND d.kind IN ('altijd', 'capaciteit')");

function contactsOf(ref: string): Array<{ soort: string; bereikt: number; datum: string; notitie: string | null }> {
  return queryFile(web.bundled.file, `SELECT soort, bereikt, datum, notitie FROM contacts c JOIN meldingen m ON m.id = c.melding_id WHERE ${REF} = ? ORDER BY c.id`, ref);
}

function resultOf(ref: string): { resultaat: string; referred_to: string | null; closed_on: string } | undefined {
  return queryFile<{ resultaat: string; referred_to: string | null; closed_on: string }>(
    web.bundled.file,
    `SELECT resultaat, referred_to, closed_on FROM results r JOIN meldingen m ON m.id = r.melding_id WHERE ${REF} = ?`,
    ref,
  )[0];
}

function workerOf(ref: string): string | null {
  return queryFile<{ name: string | null }>(
    web.bundled.file,
    `SELECT w.name FROM meldingen m JOIN decisions d ON d.melding_id = m.id LEFT JOIN workers w ON w.id = d.worker_id WHERE ${REF} = ?`,
    ref,
  )[0]!.name;
}

function lastAudit(): { account: string; command: string; options: unknown; counts: unknown } {
  const [row] = queryFile<{ account: string; command: string; options: string; counts: string }>(
    web.bundled.file,
    "SELECT account, command, options, counts FROM audit WHERE command <> 'web melding bekijken' ORDER BY id DESC LIMIT 1",
  );
  return { ...row!, options: JSON.parse(row!.options), counts: JSON.parse(row!.counts) };
}

/** Opens the melding page (for its token) and posts one of its forms. */
async function post(browser: Browser, ref: string, action: string, fields: Record<string, string>): Promise<{ status: number; location: string | null; html: string }> {
  await browser.get(`/melding/${ref}`);
  const response = await browser.submit(`/melding/${ref}/${action}`, fields);
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/** The field with this id (or its fieldset, for radio buttons) is marked invalid and tied to its error, which says `message`. */
function expectFieldError(html: string, id: string, message: string): void {
  expect(html).toMatch(new RegExp(`(id="${id}"|<fieldset)[^>]*aria-invalid="true"[^>]*aria-describedby="${id}-fout"`));
  expect(html).toContain(`<p id="${id}-fout" class="field-error">${message}`);
}

describe('an attempt', () => {
  it('is corrected (reached, note) as `eropaf contact` corrects it: the same attempt changed, none added', async () => {
    const [ref] = annas();
    await anna.get('/werklijst');
    expect((await anna.submit('/werklijst/poging', { melding: ref!, soort: 'telefoon', datum: '2022-06-29', tijd: '10:15', bereikt: 'nee' })).status).toBe(303);
    const page = await (await anna.get(`/melding/${ref}`)).text();
    expect(page).toContain('<summary>Poging 1 corrigeren of verwijderen</summary>');
    const done = await post(anna, ref!, 'poging/1/corrigeren', { soort: 'Telefoon', datum: '2022-06-29', bereikt: 'ja', notitie: 'teruggebeld' });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/melding/${ref}?gedaan=gecorrigeerd`);
    expect(contactsOf(ref!)).toEqual([{ soort: 'Telefoon', bereikt: 1, datum: '2022-06-29', notitie: 'teruggebeld' }]);
    expect(lastAudit()).toEqual({ account: 'anna', command: 'web contact', options: { melding: ref }, counts: { contactpogingen: 0, gewijzigd: 1, resultaten: 0, al_vastgelegd: 0 } });
    expect(await (await anna.get(done.location!)).text()).toContain('De poging is gecorrigeerd.');
  });

  it('is not corrected when the page showed another attempt, or without an answer to "bereikt"', async () => {
    const [ref] = annas();
    const before = contactsOf(ref!);
    const stale = await post(anna, ref!, 'poging/1/corrigeren', { soort: 'Brief', datum: '2022-06-29', bereikt: 'nee' });
    expect(stale.status).toBe(422);
    expectFieldError(stale.html, 'poging-1-corrigeren-bereikt', 'De pogingen van deze melding zijn intussen veranderd');
    const unanswered = await post(anna, ref!, 'poging/1/corrigeren', { soort: 'Telefoon', datum: '2022-06-29', bereikt: '' });
    expect(unanswered.status).toBe(422);
    expectFieldError(unanswered.html, 'poging-1-corrigeren-bereikt', 'Kies of de inwoner bereikt is.');
    // The refused form is open, so that its error is in view.
    expect(unanswered.html).toContain('<details open="">');
    expect(contactsOf(ref!)).toEqual(before);
  });

  it('is deleted only with a reason, which the audit record keeps, as `attempts --delete N --reason`', async () => {
    const [ref] = annas();
    const none = await post(anna, ref!, 'poging/1/verwijderen', { soort: 'Telefoon', datum: '2022-06-29', reden: '' });
    expect(none.status).toBe(422);
    expectFieldError(none.html, 'poging-1-verwijderen-reden', 'Kies waarom de poging weg moet.');
    expect(contactsOf(ref!)).toHaveLength(1);
    const done = await post(anna, ref!, 'poging/1/verwijderen', { soort: 'Telefoon', datum: '2022-06-29', reden: 'niet-gebeurd' });
    expect(done.status).toBe(303);
    expect(contactsOf(ref!)).toEqual([]);
    expect(lastAudit()).toEqual({ account: 'anna', command: 'web attempts', options: { melding: ref, delete: 1, reason: 'niet-gebeurd' }, counts: { verwijderd: 1 } });
    // Gone: a second post of the same form names an attempt that is no longer there.
    const again = await post(anna, ref!, 'poging/1/verwijderen', { soort: 'Telefoon', datum: '2022-06-29', reden: 'niet-gebeurd' });
    expect(again.status).toBe(422);
    expect(again.html).toContain('De pogingen van deze melding zijn intussen veranderd');
  });
});

describe('a result', () => {
  it('is recorded, changed (keeping its close date) and reopened, each audited with the account', async () => {
    const [, ref] = annas();
    const recorded = await post(anna, ref!, 'resultaat', { resultaat: 'geen-contact', verwezen: '', datum: '2022-06-28' });
    expect(recorded.status).toBe(303);
    expect(resultOf(ref!)).toEqual({ resultaat: 'Definitief geen contact kunnen krijgen', referred_to: null, closed_on: '2022-06-28' });
    expect(lastAudit()).toMatchObject({ account: 'anna', command: 'web close', options: { melding: ref }, counts: { resultaten: 1 } });
    // The page offers to change it, with the result filled in.
    const page = await (await anna.get(`/melding/${ref}`)).text();
    expect(page).toContain('<h3 id="resultaat-titel">Resultaat wijzigen</h3>');
    expect(page).toContain('<option value="geen-contact" selected="">');

    expect((await post(coord, ref!, 'resultaat', { resultaat: 'advies', verwezen: '', datum: '2022-06-28' })).status).toBe(303);
    expect(resultOf(ref!)).toEqual({ resultaat: '(Budget)advies en/of quick fix', referred_to: null, closed_on: '2022-06-28' });

    const reopened = await post(coord, ref!, 'heropenen', {});
    expect(reopened.status).toBe(303);
    expect(reopened.location).toBe(`/melding/${ref}?gedaan=heropend`);
    expect(resultOf(ref!)).toBeUndefined();
    expect(lastAudit()).toEqual({ account: 'coord', command: 'web reopen', options: { melding: ref }, counts: { heropend: 1 } });
  });

  it('that contradicts its referral is refused with the command line\'s message by the field', async () => {
    const [, ref] = annas();
    const refused = await post(anna, ref!, 'resultaat', { resultaat: 'advies', verwezen: 'schuldhulpverlening', datum: '2022-06-28' });
    expect(refused.status).toBe(422);
    expectFieldError(refused.html, 'resultaat-res', 'Kan niet vastleggen: advies (&quot;(Budget)advies en/of quick fix&quot;) past niet bij een verwijzing naar schuldhulpverlening.');
    expect(resultOf(ref!)).toBeUndefined();
  });

  it('cannot be reopened when there is none: the command line\'s message by the button', async () => {
    const [, ref] = annas();
    const refused = await post(anna, ref!, 'heropenen', {});
    expect(refused.status).toBe(422);
    expect(refused.html).toMatch(/aria-describedby="heropenen-uitleg heropenen-fout"/);
    expect(refused.html).toContain(`<p id="heropenen-fout" class="field-error">Melding ${ref} is niet afgesloten.</p>`);
  });
});

describe('picking up', () => {
  it('gives a melding the triage did not pick up to the chosen worker, as `eropaf pickup --worker`', async () => {
    const [ref] = refs("d.kind IN ('uitgesteld', 'niet-opgepakt')");
    expect(ref).toBeDefined();
    expect(await (await coord.get(`/melding/${ref}`)).text()).toContain('<h2 id="oppakken-titel">Alsnog oppakken</h2>');
    const done = await post(coord, ref!, 'oppakken', { medewerker: 'Bram Jansen' });
    expect(done.status).toBe(303);
    expect(workerOf(ref!)).toBe('Bram Jansen');
    expect(lastAudit()).toMatchObject({ account: 'coord', command: 'web pickup', options: { melding: ref, worker: 'Bram Jansen' }, counts: { opgepakt: 1 } });
    // Picked up now: the page offers a result instead.
    const page = await (await coord.get(`/melding/${ref}`)).text();
    expect(page).not.toContain('Alsnog oppakken');
    expect(page).toContain('Resultaat vastleggen');
  });

  it('asks whom to choose, by the field and without command-line options, when the melding has no worker and several are active', async () => {
    const [ref] = refs("d.kind IN ('uitgesteld', 'niet-opgepakt') AND d.worker_id IS NULL");
    expect(ref).toBeDefined();
    expect(await (await coord.get(`/melding/${ref}`)).text()).toContain('eropaf kiest (de eigen medewerker, als die er is)');
    const refused = await post(coord, ref!, 'oppakken', { medewerker: '' });
    expect(refused.status).toBe(422);
    expectFieldError(refused.html, 'oppakken-medewerker', 'Kies wie de melding oppakt.');
    expect(refused.html).not.toContain('--worker');
    expect(workerOf(ref!)).toBeNull();
  });

  it('refuses a melding that is already picked up, by the field', async () => {
    const [ref] = annas();
    const refused = await post(anna, ref!, 'oppakken', { medewerker: '' });
    expect(refused.status).toBe(422);
    expectFieldError(refused.html, 'oppakken-medewerker', `Melding ${ref} is al opgepakt.`);
    expect(workerOf(ref!)).toBe('Anna de Vries');
  });
});

describe('handing over', () => {
  it('moves this one melding to the colleague, and none of the worker\'s other open work', async () => {
    const [, , ref, ...others] = annas();
    const done = await post(anna, ref!, 'overdragen', { collega: 'Bram Jansen' });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/melding/${ref}?gedaan=overgedragen`);
    expect(workerOf(ref!)).toBe('Bram Jansen');
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) expect(workerOf(other)).toBe('Anna de Vries');
    expect(lastAudit()).toEqual({ account: 'anna', command: 'web workers handover', options: { melding: ref, to: 'Bram Jansen' }, counts: { overgedragen: 1, ontvangers: 1 } });
  });

  it('asks for a colleague, and refuses a melding that is no open work, by the field', async () => {
    const [, , , ref] = annas();
    const none = await post(anna, ref!, 'overdragen', { collega: '' });
    expect(none.status).toBe(422);
    expectFieldError(none.html, 'overdragen-collega', 'Kies een collega.');
    expect((await post(anna, ref!, 'resultaat', { resultaat: 'advies', verwezen: '', datum: '2022-06-28' })).status).toBe(303);
    const closed = await post(anna, ref!, 'overdragen', { collega: 'Bram Jansen' });
    expect(closed.status).toBe(422);
    expectFieldError(closed.html, 'overdragen-collega', `Melding ${ref} is geen open werk van Anna de Vries.`);
    expect(workerOf(ref!)).toBe('Anna de Vries');
  });
});

describe('the corrections', () => {
  it('are refused to anonymous browsers and to forged posts, and change nothing', async () => {
    const [ref] = annas();
    const before = [contactsOf(ref!), resultOf(ref!), workerOf(ref!)];
    for (const action of ['poging/1/verwijderen', 'resultaat', 'heropenen', 'oppakken', 'overdragen']) {
      const fields = { resultaat: 'advies', datum: '2022-06-28', reden: 'dubbel', collega: 'Bram Jansen', medewerker: 'Bram Jansen' };
      await expectAnonymousRefused(web, `/melding/${ref}`, `/melding/${ref}/${action}`, fields);
      await anna.get(`/melding/${ref}`);
      await expectForgedRefused(anna, `/melding/${ref}/${action}`, fields);
    }
    expect([contactsOf(ref!), resultOf(ref!), workerOf(ref!)]).toEqual(before);
  });
});
