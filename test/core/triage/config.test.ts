import { describe, it, expect } from 'vitest';
import { parsePriorityOrder } from '../../../src/core/triage/config.js';
import { planTriage } from '../../../src/core/triage/plan.js';
import { DEFAULT_TRIAGE_CONFIG } from '../../../src/core/triage/types.js';
import { input } from './builders.js';

describe('triage configuration', () => {
  it('defaults to three months back, no threshold, woon-bedrag-ontstaansdatum', () => {
    expect(DEFAULT_TRIAGE_CONFIG).toEqual({ repeatMonths: 3, minAmountCents: null, order: ['woon', 'bedrag', 'ontstaansdatum'] });
  });

  it('reads an order, in any case and with spaces', () => {
    expect(parsePriorityOrder('bedrag, WOON')).toEqual({ ok: true, value: ['bedrag', 'woon'] });
    expect(parsePriorityOrder('ontstaansdatum')).toEqual({ ok: true, value: ['ontstaansdatum'] });
  });

  it.each(['', ',', 'woon,woonplaats', 'woon,woon', 'leeftijd'])('rejects the order %j', (text) => {
    expect(parsePriorityOrder(text).ok).toBe(false);
  });

  it('refuses impossible numbers as a bug in the caller', () => {
    expect(() => planTriage(input({ capacity: -1 }))).toThrow(RangeError);
    expect(() => planTriage(input({ capacity: 1.5 }))).toThrow(RangeError);
    expect(() => planTriage(input({ config: { ...DEFAULT_TRIAGE_CONFIG, repeatMonths: -1 } }))).toThrow(RangeError);
  });
});
