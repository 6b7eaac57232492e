// The details of a national delivery, for both front ends: given ones override saved ones, each
// checked by its parser; a missing or wrong one names its detail (a form shows it by its field)
// in the words the front end gives it; the gemeentecode is needed only where a gemeente has none.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeliveryDetailError, deliveryDetails } from '../../src/app/ddas/delivery-details.js';
import { UsageError } from '../../src/core/errors.js';

const VERSION = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const SAVED = new Map([
  ['ddas.organisatie', 'WIJ Heemstede'],
  ['ddas.contact-email', 'opgeslagen@example.nl'],
  ['ddas.gemeentecode', '0397'],
]);
const option = (key: string): string => `--${key.slice(5)}`;

function refusal(run: () => unknown): DeliveryDetailError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeliveryDetailError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('delivery details', () => {
  it('take the saved values, a given one overriding, and the software and its version as supplier', () => {
    const details = deliveryDetails(SAVED, { 'ddas.contact-email': ' gegeven@example.nl ', 'ddas.kvk': '4123 4567', 'ddas.contact-naam': undefined }, option);
    expect(details.organisation).toEqual({ naam: 'WIJ Heemstede', kvk: '41234567', contact: { email: 'gegeven@example.nl' } });
    expect(details.supplierCode).toBe(`eropaf ${VERSION}`);
  });

  it('name a missing required detail, with how to save it, as a usage error', () => {
    const error = refusal(() => deliveryDetails(new Map([['ddas.organisatie', 'WIJ']]), {}, option));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.key).toBe('ddas.contact-email');
    expect(error.message).toBe('--contact-email ontbreekt: het CBS stuurt zijn terugmelding over de levering naar dit adres.');
    expect(error.hint).toContain('eropaf config set ddas.contact-email WAARDE');
  });

  it('name a wrong given detail in the front end\'s words, with what was expected', () => {
    const error = refusal(() => deliveryDetails(SAVED, { 'ddas.kvk': '12' }, () => 'KvK-nummer'));
    expect(error.key).toBe('ddas.kvk');
    expect(error.message).toBe('KvK-nummer 12: verwacht een KvK-nummer van acht cijfers.');
  });

  it("use a gemeente's own code, and the given or saved one only for a gemeente without", () => {
    const details = deliveryDetails(new Map([...SAVED].filter(([key]) => key !== 'ddas.gemeentecode')), {}, option);
    expect(details.gemeentecode('0362')).toBe('0362');
    expect(refusal(() => details.gemeentecode(null)).key).toBe('ddas.gemeentecode');
    expect(deliveryDetails(SAVED, { 'ddas.gemeentecode': '0394' }, option).gemeentecode(null)).toBe('0394');
  });
});
