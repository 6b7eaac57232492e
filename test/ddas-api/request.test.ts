import { describe, expect, it } from 'vitest';
import { parseGegevensRequest } from '../../src/ddas-api/request.js';

describe('the period CBS asks for', () => {
  it.each([
    ['2022-06-30T23:59:59Z', '2021-07', '2021-12'],
    ['2022-07-01T00:00:00Z', '2022-01', '2022-06'],
    ['2022-01-01T00:00:00Z', '2021-07', '2021-12'],
    ['2022-12-31T12:00:00Z', '2022-01', '2022-06'],
  ])('without dates on %s is the half year %s to %s', (today, from, to) => {
    expect(parseGegevensRequest({}, new Date(today))).toEqual({ ok: true, value: { period: { from, to }, page: 1, pageSize: 50_000 } });
  });

  it('runs from the first of a month to the last, leap day included', () => {
    const parsed = parseGegevensRequest({ aanleverperiodeStartdatum: '2024-01-01', aanleverperiodeEinddatum: '2024-02-29' }, new Date());
    expect(parsed).toEqual({ ok: true, value: { period: { from: '2024-01', to: '2024-02' }, page: 1, pageSize: 50_000 } });
    const notLast = parseGegevensRequest({ aanleverperiodeStartdatum: '2023-01-01', aanleverperiodeEinddatum: '2023-02-28' }, new Date());
    expect(notLast.ok).toBe(true);
    const pastEnd = parseGegevensRequest({ aanleverperiodeStartdatum: '2023-01-01', aanleverperiodeEinddatum: '2023-02-29' }, new Date());
    expect(pastEnd.ok).toBe(false);
  });

  it('lists every problem of a request, by field', () => {
    const parsed = parseGegevensRequest({ page: -1, pageSize: 'veel', aanleverendeOrganisatie: ' ' }, new Date());
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(3);
    expect(parsed.problems.map((p) => p.split(':')[0]).sort()).toEqual(['aanleverendeOrganisatie', 'page', 'pageSize']);
  });
});
