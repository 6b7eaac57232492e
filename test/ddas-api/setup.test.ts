// What the DDAS API needs before it starts, checked again on every call: the saved delivery
// details and a CBS code for every gemeente. Refused with the setting to give.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiDeliverySetup } from '../../src/app/ddas/delivery-page.js';
import { addGemeente } from '../../src/app/gemeenten.js';
import { changeSetting } from '../../src/app/settings.js';
import { UsageError } from '../../src/core/errors.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-ddas-setup-'));
const store = SqliteStore.open(path.join(dir, 'eropaf.db'), { readonly: false, busyTimeoutMs: 1000, now: () => '2022-07-01T10:00:00.000Z' });
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function refusal(): Promise<UsageError> {
  const error = await apiDeliverySetup(store).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('the saved details the DDAS API delivers with', () => {
  it('names each missing setting in turn, then a gemeente without a code, then delivers', async () => {
    expect((await refusal()).hint).toContain('eropaf config set ddas.organisatie');
    await changeSetting(store, 'ddas.organisatie', 'WIJ Heemstede');
    expect((await refusal()).hint).toContain('eropaf config set ddas.contact-email');
    await changeSetting(store, 'ddas.contact-email', 'vroegeropaf@example.nl');
    expect((await refusal()).message).toContain('heeft nog geen CBS-gemeentecode');
    await changeSetting(store, 'ddas.gemeentecode', '0397');
    const setup = await apiDeliverySetup(store);
    expect(setup.targets.map((t) => t.code)).toEqual(['0397']);
    expect(setup.organisation).toEqual({ naam: 'WIJ Heemstede', contact: { email: 'vroegeropaf@example.nl' } });
    expect(setup.supplierCode).toBe('eropaf 0.1.0');
  });

  it('delivers for every gemeente of the database, each with its own code', async () => {
    await addGemeente(store, '0397', 'Heemstede');
    await addGemeente(store, '0398', 'Bennebroek');
    await changeSetting(store, 'ddas.leverancier', 'Leverancier X');
    const setup = await apiDeliverySetup(store);
    expect(setup.targets.map((t) => [t.code, t.gemeente?.name])).toEqual([
      ['0397', 'Heemstede'],
      ['0398', 'Bennebroek'],
    ]);
    expect(setup.supplierCode).toBe('Leverancier X');
  });
});
