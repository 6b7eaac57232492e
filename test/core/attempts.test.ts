import { describe, expect, it } from 'vitest';
import { numberedAttempts, parseDeleteReason } from '../../src/core/attempts.js';
import type { StoredContact } from '../../src/core/followup-plan.js';

const attempt = (id: number, datum: string, tijd: string | null = null): StoredContact => ({
  id,
  soort: 'Telefoon',
  bereikt: false,
  datum,
  dagdeel: null,
  notitie: null,
  tijd,
});

describe('numberedAttempts', () => {
  it('numbers attempts in the order they were made, whatever the order they were recorded', () => {
    const list = numberedAttempts([attempt(3, '2022-01-20'), attempt(1, '2022-01-18', '16:00'), attempt(2, '2022-01-18', '09:00')]);
    expect(list.map((a) => a.id)).toEqual([2, 1, 3]);
  });
});

describe('parseDeleteReason', () => {
  it('takes the fixed reasons only, so the audit log never holds typed text', () => {
    expect(parseDeleteReason(' Dubbel ')).toEqual({ ok: true, value: 'dubbel' });
    const bad = parseDeleteReason('mevrouw Jansen belde zelf');
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain('Jansen');
  });
});
