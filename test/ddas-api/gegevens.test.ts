// POST /gegevens against the Hono app in-process, on a store built by the app's own use cases
// from the bundled synthetic lists: what CBS gets, page by page, and what it is told when its
// request cannot be answered. Every response is verified as CBS would, over the bytes received.

import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDdasDelivery } from '../../src/app/ddas/export-delivery.js';
import { ddasValidator } from '../../src/app/ddas/validate-delivery.js';
import { addGemeente, nameGemeente } from '../../src/app/gemeenten.js';
import { importList } from '../../src/app/import-list.js';
import { purgePersonalData } from '../../src/app/purge.js';
import { changeSetting } from '../../src/app/settings.js';
import { triageMonth } from '../../src/app/triage-month.js';
import { createDdasApi } from '../../src/ddas-api/app.js';
import { startDdasApi } from '../../src/ddas-api/server.js';
import { loadBodySigner } from '../../src/ddas-api/signing.js';
import { loadTrustAnchors, requestVerifier } from '../../src/ddas-api/verify-request.js';
import type { Store } from '../../src/store/store.js';
import { bundledStore, lijst, now, removeBundledStore, TODAY, type BundledStore } from '../app/bundled-store.js';
import { makeIssuedSigningFiles, makeSigningFiles, verifyResponse } from './keys.js';

interface Levering {
  teller: number;
  gemeentecode: string;
  vroegsignalen: Array<{ ID: string; client: { burgerservicenummer?: string } }>;
  vroegsignaalzaken: Array<{ vroegsignalen: Array<{ ID: string }> }>;
}
interface Answer {
  gegevens: { startdatumLevering: string; einddatumLevering: string; leveringen: Levering[] };
  paginering: { pageSize: number; currentPage: number; totalPages: number; totalRecords: number };
}
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

interface FscError {
  code: string;
  domain: string;
  title: string;
  detail: string;
  status: number;
}

const CLOCK = (): Date => new Date('2022-07-15T10:00:00Z');
const PERIOD = { aanleverperiodeStartdatum: '2022-01-01', aanleverperiodeEinddatum: '2022-02-28' };

let bundled: BundledStore;
let certificate: string;
let signingFiles: ReturnType<typeof makeSigningFiles>;
let sign: ReturnType<typeof loadBodySigner>;
const faults: string[] = [];

async function setUp(store: Store): Promise<void> {
  await nameGemeente(store, '0397', 'Heemstede');
  await changeSetting(store, 'ddas.organisatie', 'WIJ Heemstede');
  await changeSetting(store, 'ddas.contact-email', 'vroegeropaf@example.nl');
}

function api(store: Store): ReturnType<typeof createDdasApi> {
  return createDdasApi({ store, sign, clock: CLOCK, osUser: 'tester', reportFault: (line) => faults.push(line) });
}

/** Posts, verifies the signature over the bytes received, and returns them parsed. */
async function post<T>(store: Store, body: unknown, raw?: string): Promise<{ status: number; headers: Headers; body: T }> {
  const response = await api(store).request('/gegevens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  verifyResponse(response.headers, bytes, certificate);
  return { status: response.status, headers: response.headers, body: JSON.parse(Buffer.from(bytes).toString('utf8')) as T };
}

async function answer(store: Store, body: unknown): Promise<Answer> {
  const response = await post<Answer>(store, body);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.body;
}

async function problem(store: Store, body: unknown, status: number, raw?: string): Promise<Problem> {
  const response = await post<Problem>(store, body, raw);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body.status).toBe(status);
  expect(response.body.title).not.toBe('');
  expect(response.body.type).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
  return response.body;
}

/** The store with one method replaced (the rest bound to the store itself). */
function replacing<K extends keyof Store>(store: Store, method: K, replacement: Store[K]): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === method) return replacement;
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

beforeAll(async () => {
  bundled = await bundledStore('eropaf-ddas-api-', { anna: 8, bram: 6 });
  signingFiles = makeSigningFiles(bundled.dir);
  certificate = fs.readFileSync(signingFiles.cert, 'utf8');
  sign = loadBodySigner(signingFiles.key, signingFiles.cert, () => new Date());
  await setUp(bundled.store);
  await triageMonth(bundled.store, { month: '2022-01', dryRun: false, today: TODAY, now });
}, 120_000);
afterAll(() => removeBundledStore(bundled));

describe('POST /gegevens', () => {
  it('answers the period as export ddas delivers it, valid against the schema, with its paging', async () => {
    const { gegevens, paginering } = await answer(bundled.store, PERIOD);
    expect(ddasValidator()(gegevens)).toEqual([]);
    const plan = await planDdasDelivery(bundled.store, {
      period: { from: '2022-01', to: '2022-02' },
      gemeentecode: '0397',
      organisation: { naam: 'WIJ Heemstede', contact: { email: 'vroegeropaf@example.nl' } },
      supplierCode: 'eropaf 0.1.0',
      deliveredAt: '2022-07-15T10:00:00Z',
    });
    expect(plan.parts).toHaveLength(1);
    expect(gegevens).toEqual(JSON.parse(plan.parts[0]!.json));
    expect(paginering).toEqual({ pageSize: 50_000, currentPage: 1, totalPages: 1, totalRecords: plan.details.vroegsignalen });
    expect(gegevens.leveringen[0]!.vroegsignalen.length).toBeGreaterThan(20);
  });

  it('pages a small pageSize without splitting a zaak, and the pages together are the whole delivery', async () => {
    const whole = (await answer(bundled.store, PERIOD)).gegevens.leveringen[0]!;
    const pageSize = 7;
    const first = await answer(bundled.store, { ...PERIOD, page: 1, pageSize });
    const { totalPages } = first.paginering;
    expect(totalPages).toBeGreaterThanOrEqual(Math.ceil(whole.vroegsignalen.length / pageSize));
    const signals: string[] = [];
    const zaken: unknown[] = [];
    for (let page = 1; page <= totalPages; page++) {
      const { gegevens, paginering } = await answer(bundled.store, { ...PERIOD, page, pageSize });
      expect(ddasValidator()(gegevens)).toEqual([]);
      expect(paginering).toEqual({ pageSize, currentPage: page, totalPages, totalRecords: whole.vroegsignalen.length });
      const levering = gegevens.leveringen[0]!;
      const onPage = new Set(levering.vroegsignalen.map((s) => s.ID));
      // More than a page only when one zaak alone has more signals than the page holds.
      if (onPage.size > pageSize) expect(levering.vroegsignaalzaken).toHaveLength(1);
      for (const zaak of levering.vroegsignaalzaken) for (const { ID } of zaak.vroegsignalen) expect(onPage.has(ID)).toBe(true);
      signals.push(...levering.vroegsignalen.map((s) => s.ID));
      zaken.push(...levering.vroegsignaalzaken);
    }
    expect(signals).toEqual(whole.vroegsignalen.map((s) => s.ID));
    expect(zaken).toEqual(whole.vroegsignaalzaken);
    const past = await problem(bundled.store, { ...PERIOD, page: totalPages + 1, pageSize }, 400);
    expect(past.detail).toContain(`Pagina ${totalPages + 1} bestaat niet`);
  });

  it('never pages more than 50,000 vroegsignalen', async () => {
    expect((await answer(bundled.store, { ...PERIOD, pageSize: 80_000 })).paginering.pageSize).toBe(50_000);
  });

  it('delivers the last complete half year when CBS names no period', async () => {
    const { gegevens } = await answer(bundled.store, {});
    expect([gegevens.startdatumLevering, gegevens.einddatumLevering]).toEqual(['2022-01-01', '2022-06-30']);
  });

  /** A 404 or 405 as DDAS-VS.yaml declares it: an FscError (FSC Core) with its code in Fsc-Error-Code, signed. */
  async function fscError(path: string, method: string, status: number): Promise<{ headers: Headers; body: FscError }> {
    const response = await api(bundled.store).request(path, { method });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    verifyResponse(response.headers, bytes, certificate);
    const body = JSON.parse(Buffer.from(bytes).toString()) as FscError;
    expect(response.headers.get('fsc-error-code')).toBe(body.code);
    expect(body.status).toBe(status);
    return { headers: response.headers, body };
  }

  it('refuses GET with 405 ERROR_CODE_METHOD_UNSUPPORTED (an outway code in FSC Core), naming POST', async () => {
    const { headers, body } = await fscError('/gegevens', 'GET', 405);
    expect(headers.get('allow')).toBe('POST');
    expect(body).toMatchObject({ code: 'ERROR_CODE_METHOD_UNSUPPORTED', domain: 'ERROR_DOMAIN_OUTWAY' });
    expect(body.detail).toContain('GET wordt niet ondersteund');
  });

  it('answers any other path with 404 ERROR_CODE_SERVICE_NOT_FOUND (an inway code in FSC Core)', async () => {
    const { body } = await fscError('/vs', 'POST', 404);
    expect(body).toMatchObject({ code: 'ERROR_CODE_SERVICE_NOT_FOUND', domain: 'ERROR_DOMAIN_INWAY' });
    expect(body.detail).toContain('POST /gegevens');
  });

  it.each([
    ['no JSON', undefined, '{"aanleverperiodeStartdatum": ', 'geen geldige JSON'],
    ['an unknown field', { ...PERIOD, bsn: '1' }, undefined, 'onbekend veld: bsn'],
    ['a date that does not exist', { ...PERIOD, aanleverperiodeEinddatum: '2022-02-30' }, undefined, 'aanleverperiodeEinddatum: moet een bestaande datum zijn'],
    ['page 0', { ...PERIOD, page: 0 }, undefined, 'page: moet 1 of meer zijn'],
    ['a pageSize that is no whole number', { ...PERIOD, pageSize: 2.5 }, undefined, 'pageSize: moet een geheel getal zijn'],
    ['a period from the middle of a month', { ...PERIOD, aanleverperiodeStartdatum: '2022-01-15' }, undefined, 'eerste dag van een maand'],
    ['a start after the end', { aanleverperiodeStartdatum: '2022-03-01', aanleverperiodeEinddatum: '2022-02-28' }, undefined, 'ligt na aanleverperiodeEinddatum'],
    ['one end of the period only', { aanleverperiodeStartdatum: '2022-01-01' }, undefined, 'of geen van beide'],
    ['an array', [], undefined, 'een JSON-object'],
  ])('refuses %s with 400 and says why in Dutch', async (_, body, raw, expected) => {
    const refused = await problem(bundled.store, body, 400, raw);
    expect(refused.detail).toContain(expected);
  });

  it('refuses a request body larger than a request can be with 413', async () => {
    const refused = await problem(bundled.store, undefined, 413, JSON.stringify({ ...PERIOD, aanleverendeOrganisatie: 'x'.repeat(20_000) }));
    expect(refused.detail).toContain('groter dan');
  });

  it('refuses an organisation it does not deliver for with 422, and delivers for its own', async () => {
    const refused = await problem(bundled.store, { ...PERIOD, aanleverendeOrganisatie: 'Gemeente Elders' }, 422);
    expect(refused.detail).toContain('Over de organisatie "Gemeente Elders" levert deze bron geen gegevens');
    for (const name of ['WIJ Heemstede', 'Gemeente Heemstede', '0397']) {
      expect((await answer(bundled.store, { ...PERIOD, aanleverendeOrganisatie: name })).gegevens.leveringen).toHaveLength(1);
    }
  });

  it('writes every call in the audit log: period, page and counts, no personal data', async () => {
    const before = (await bundled.store.auditRecords(null)).length;
    const { gegevens } = await answer(bundled.store, { ...PERIOD, page: 2, pageSize: 7 });
    await problem(bundled.store, { ...PERIOD, page: 0 }, 400);
    await api(bundled.store).request('/gegevens');
    const lines = (await bundled.store.auditRecords(null)).slice(before);
    expect(lines.map((l) => l.command)).toEqual(['ddas-api gegevens', 'ddas-api gegevens', 'ddas-api gegevens']);
    const levering = gegevens.leveringen[0]!;
    expect(lines[0]!.options).toEqual({ van: '2022-01', tot: '2022-02', pagina: 2, pageSize: 7 });
    expect(lines[0]!.counts).toMatchObject({
      status: 200,
      vroegsignalen: levering.vroegsignalen.length,
      vroegsignaalzaken: levering.vroegsignaalzaken.length,
      leveringen: 1,
    });
    expect(lines[1]!.counts).toEqual({ status: 400 });
    expect(lines[2]!.counts).toEqual({ status: 405 });
    const written = JSON.stringify(lines);
    for (const signal of levering.vroegsignalen) if (signal.client.burgerservicenummer !== undefined) expect(written).not.toContain(signal.client.burgerservicenummer);
  });

  it('answers calls that arrive together, each in the audit log once', async () => {
    const before = (await bundled.store.auditRecords(null)).length;
    const pages = [1, 2, 3, 4, 5];
    const app = api(bundled.store);
    const responses = await Promise.all(
      pages.map((page) => app.request('/gegevens', { method: 'POST', body: JSON.stringify({ ...PERIOD, page, pageSize: 7 }) })),
    );
    const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, body: (await r.json()) as Answer })));
    expect(answers.map((a) => [a.status, a.body.paginering.currentPage])).toEqual(pages.map((page) => [200, page]));
    const lines = (await bundled.store.auditRecords(null)).slice(before);
    expect(lines.map((l) => l.options.pagina).sort()).toEqual(pages);
  });

  it('sends nothing but a 500 "meld dit" when a page would break the schema', async () => {
    const store = bundled.store;
    const broken = replacing(store, 'ddasData', async (...args) =>
      (await store.ddasData(...args)).map((m) => ({ ...m, signals: m.signals.map((s) => ({ ...s, signaaldatum: 'gisteren' })) })),
    );
    const refused = await problem(broken, PERIOD, 500);
    expect(refused.detail).toContain('voldoet niet aan het DDAS-schema');
    expect(refused.detail).toContain('meld dit');
    expect(refused.detail).not.toContain('gisteren');
    expect(faults.some((line) => line.includes('DDAS-schema'))).toBe(true);
  });

  it('answers a setting missing on the server with a 500 to CBS, and tells the administrator which', async () => {
    const store = bundled.store;
    const unset = replacing(store, 'settings', async () => new Map([...(await store.settings())].filter(([key]) => key !== 'ddas.contact-email')));
    const faultsBefore = faults.length;
    const refused = await problem(unset, PERIOD, 500);
    expect(refused.type).toContain('interne-fout');
    expect(refused.detail).not.toContain('ddas.contact-email');
    expect(refused.detail).not.toContain('config set');
    expect(faults.slice(faultsBefore).some((line) => line.includes('eropaf config set ddas.contact-email'))).toBe(true);
  });

  it('answers with a 500, signs nothing and records no delivery once the signing certificate has expired', async () => {
    let now = new Date();
    const expired = loadBodySigner(signingFiles.key, signingFiles.cert, () => now);
    now = new Date(Date.parse(new X509Certificate(certificate).validTo) + 1000);
    const deliveries = (await bundled.store.deliveries()).length;
    const faultsBefore = faults.length;
    const response = await createDdasApi({ store: bundled.store, sign: expired, clock: CLOCK, osUser: 'tester', reportFault: (line) => faults.push(line) }).request(
      '/gegevens',
      { method: 'POST', body: JSON.stringify(PERIOD) },
    );
    expect(response.status).toBe(500);
    expect(response.headers.get('nlgov-adr-payload-sig')).toBeNull();
    expect(((await response.json()) as Problem).type).toContain('interne-fout');
    expect(await bundled.store.deliveries()).toHaveLength(deliveries);
    expect(faults.slice(faultsBefore).some((line) => line.includes('is verlopen') && line.includes('opnieuw'))).toBe(true);
  });

  it('with trust anchors, refuses an unsigned request with 400 and answers one CBS signed', async () => {
    const cbs = makeIssuedSigningFiles(bundled.dir, 'cbs');
    const verifying = createDdasApi({
      store: bundled.store,
      sign,
      clock: CLOCK,
      osUser: 'tester',
      reportFault: (line) => faults.push(line),
      verifyRequest: requestVerifier(loadTrustAnchors(cbs.ca), () => new Date()),
    });
    const request = Buffer.from(JSON.stringify(PERIOD));
    const unsigned = await verifying.request('/gegevens', { method: 'POST', body: request });
    expect(unsigned.status).toBe(400);
    const refused = (await unsigned.json()) as Problem;
    expect(refused.type).toContain('ongeldige-handtekening');
    expect(refused.detail).toContain('Digest ontbreekt');
    const headers = { ...loadBodySigner(cbs.key, cbs.cert, () => new Date())(request) };
    const answered = await verifying.request('/gegevens', { method: 'POST', headers, body: request });
    expect(answered.status).toBe(200);
    const bytes = new Uint8Array(await answered.arrayBuffer());
    verifyResponse(answered.headers, bytes, certificate);
  });

  it('answers over a real socket on 127.0.0.1, signed over the bytes that arrive', async () => {
    const server = startDdasApi(
      { store: bundled.store, sign, clock: CLOCK, osUser: 'tester', reportFault: () => undefined, host: '127.0.0.1', port: 0 },
      () => undefined,
    );
    try {
      await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
      const { address, port } = server.address() as AddressInfo;
      expect(address).toBe('127.0.0.1');
      const response = await fetch(`http://127.0.0.1:${port}/gegevens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(PERIOD) });
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      verifyResponse(response.headers, bytes, certificate);
      expect(ddasValidator()((JSON.parse(Buffer.from(bytes).toString()) as Answer).gegevens)).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('POST /gegevens on a database of several gemeenten', () => {
  let several: BundledStore;
  beforeAll(async () => {
    several = await bundledStore('eropaf-ddas-api-gemeenten-', { anna: 8, bram: 6 });
    await setUp(several.store);
    await addGemeente(several.store, '0398', 'Bennebroek');
    const outcome = await importList(several.store, {
      file: lijst('2022-01'),
      gemeente: '0398',
      dryRun: false,
      replace: false,
      force: false,
      skipInvalid: false,
      today: TODAY,
      now,
    });
    expect(outcome.kind).toBe('imported');
  }, 120_000);
  afterAll(() => removeBundledStore(several));

  it('delivers one levering per gemeente, each with its code, and one when CBS names a gemeente', async () => {
    const { gegevens } = await answer(several.store, PERIOD);
    expect(ddasValidator()(gegevens)).toEqual([]);
    expect(gegevens.leveringen.map((l) => [l.teller, l.gemeentecode])).toEqual([
      [1, '0397'],
      [2, '0398'],
    ]);
    expect(gegevens.leveringen.every((l) => l.vroegsignalen.length > 0)).toBe(true);
    const one = await answer(several.store, { ...PERIOD, aanleverendeOrganisatie: 'Gemeente Bennebroek' });
    expect(one.gegevens.leveringen.map((l) => [l.teller, l.gemeentecode])).toEqual([[1, '0398']]);
    expect(one.gegevens.leveringen[0]!.vroegsignalen).toEqual(gegevens.leveringen[1]!.vroegsignalen);
  });

  it('records one delivery per gemeente, as export ddas does, once CBS has had the last page', async () => {
    const ddasDeliveries = async () => (await several.store.deliveries()).filter((d) => d.kind === 'ddas');
    const before = (await ddasDeliveries()).length;
    const first = await answer(several.store, { ...PERIOD, pageSize: 5, page: 1 });
    expect(first.paginering.totalPages).toBeGreaterThan(1);
    for (let page = 2; page < first.paginering.totalPages; page++) await answer(several.store, { ...PERIOD, pageSize: 5, page });
    expect(await ddasDeliveries()).toHaveLength(before);
    await answer(several.store, { ...PERIOD, pageSize: 5, page: first.paginering.totalPages });
    const recorded = (await ddasDeliveries()).slice(before);
    const gemeenten = await several.store.gemeenten();
    const exported = await Promise.all(
      ['0397', '0398'].map(async (code) => {
        const plan = await planDdasDelivery(several.store, {
          period: { from: '2022-01', to: '2022-02' },
          gemeentecode: code,
          gemeenteId: gemeenten.find((g) => g.code === code)!.id,
          organisation: { naam: 'WIJ Heemstede', contact: { email: 'vroegeropaf@example.nl' } },
          supplierCode: 'eropaf 0.1.0',
          deliveredAt: '2022-07-15T10:00:00Z',
        });
        return { ...plan.details, parts: first.paginering.totalPages };
      }),
    );
    expect(recorded.map((d) => [d.from, d.to, d.deliveredAt, d.details])).toEqual(
      exported.map((details) => ['2022-01', '2022-02', CLOCK().toISOString(), details]),
    );
  });

  it('refuses a period whose personal data is purged with 422, saying so', async () => {
    await purgePersonalData(several.store, { dryRun: false, today: '2030-01-01', now });
    const refused = await problem(several.store, PERIOD, 422);
    expect(refused.detail).toContain('zijn al verwijderd');
    expect(refused.detail).toContain('2022-01');
  });
});
