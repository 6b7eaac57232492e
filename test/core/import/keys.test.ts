// The organisation behind a signal: one key per creditor however the list spells its name, and
// the same key every time (the key is remembered per spelling, for speed).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { organisationKey } from '../../../src/core/import/keys.js';

const key = (schuldeiser: string | null): string => organisationKey({ schuldeiser, signaalpartner: 'Huur' });

describe('organisationKey', () => {
  it('ignores case and runs of spaces in the creditor name', () => {
    expect(key('Woonstichting  Duinrand ')).toBe('org:woonstichting duinrand');
    expect(key('WOONSTICHTING\tDuinrand')).toBe(key('woonstichting duinrand'));
    expect(key('Woonstichting Duinzicht')).not.toBe(key('Woonstichting Duinrand'));
  });

  it('stands for the signaalpartner type when the creditor is missing', () => {
    expect(key(null)).toBe('type:Huur');
    expect(organisationKey({ schuldeiser: null, signaalpartner: 'Zorg' })).toBe('type:Zorg');
  });

  it('gives a name the same key every time, also after more names than it remembers', () => {
    const names = fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(names, (list) => {
        const first = list.map(key);
        // Push the remembered names out, then ask again.
        for (let i = 0; i < 10_050; i++) key(`Schuldeiser ${i}`);
        expect(list.map(key)).toEqual(first);
      }),
      { numRuns: 20 },
    );
  });
});
