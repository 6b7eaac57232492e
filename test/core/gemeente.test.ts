// Which gemeente a list, a report or a delivery is about (core/gemeente.ts).

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import {
  deliveryTargets,
  gemeenteCapacities,
  gemeenteFileName,
  gemeenteOfImport,
  parseGemeenteCode,
  resolveGemeenteOption,
  type Gemeente,
} from '../../src/core/gemeente.js';

const HEEMSTEDE: Gemeente = { id: 1, code: '0397', name: 'Heemstede' };
const BLOEMENDAAL: Gemeente = { id: 2, code: '0377', name: 'Bloemendaal' };
const BOTH = [BLOEMENDAAL, HEEMSTEDE];
const UNNAMED: Gemeente = { id: 1, code: null, name: null };

function usageError(work: () => unknown): UsageError {
  try {
    work();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('the gemeente of an import', () => {
  it('is the one --gemeente names by code or by name in any case', () => {
    expect(gemeenteOfImport(BOTH, '0397', 'lijst.csv')).toBe(HEEMSTEDE);
    expect(gemeenteOfImport(BOTH, 'bloemENDAAL', 'heemstede.csv')).toBe(BLOEMENDAAL);
  });

  it('refuses an unknown gemeente, naming the known ones and how to add one', () => {
    const error = usageError(() => gemeenteOfImport(BOTH, 'Haarlem', 'lijst.csv'));
    expect(error.message).toContain('0377 Bloemendaal, 0397 Heemstede');
    expect(error.hint).toContain('eropaf gemeenten add');
    expect(usageError(() => gemeenteOfImport([], '0397', 'lijst.csv')).hint).toContain('eropaf gemeenten add');
  });

  it('is optional with one gemeente, and none yet means the import makes the unnamed one', () => {
    expect(gemeenteOfImport([HEEMSTEDE], undefined, 'bloemendaal-2022-03.csv')).toBe(HEEMSTEDE);
    expect(gemeenteOfImport([UNNAMED], undefined, 'x.csv')).toBe(UNNAMED);
    expect(gemeenteOfImport([], undefined, 'x.csv')).toBeNull();
  });

  it('with several, is the one whose name or code (as a number of its own) the file name holds', () => {
    expect(gemeenteOfImport(BOTH, undefined, 'Vroegsignalen HEEMSTEDE 2022-03.csv')).toBe(HEEMSTEDE);
    expect(gemeenteOfImport(BOTH, undefined, '0377_2022-03.csv')).toBe(BLOEMENDAAL);
    // 20377 is not 0377, and a file naming both or neither is not enough.
    for (const name of ['lijst-20377-2022-03.csv', 'heemstede-bloemendaal-2022-03.csv', 'vroegeropaf-2022-03.csv']) {
      const error = usageError(() => gemeenteOfImport(BOTH, undefined, name));
      expect(error.message).toContain('0377 Bloemendaal, 0397 Heemstede');
      expect(error.hint).toContain('--gemeente');
    }
  });
});

describe('gemeente codes, capacities and deliveries', () => {
  it('accepts a code of four digits only', () => {
    expect(parseGemeenteCode(' 0397 ')).toEqual({ ok: true, value: '0397' });
    for (const bad of ['397', '03970', 'abcd', '']) expect(parseGemeenteCode(bad).ok).toBe(false);
  });

  it('reads the configured capacity of each gemeente that has one', () => {
    const settings = new Map([['capaciteit.0377', '12'], ['capaciteit.9999', '4'], ['triage.volgorde', 'x']]);
    expect(gemeenteCapacities([...BOTH, UNNAMED], settings)).toEqual(new Map([[2, 12]]));
  });

  it('resolves a report filter or says which gemeenten there are', () => {
    expect(resolveGemeenteOption(BOTH, '--gemeente', 'HEEMSTEDE')).toBe(HEEMSTEDE);
    expect(usageError(() => resolveGemeenteOption(BOTH, '--gemeente', '0398')).message).toContain('0377 Bloemendaal');
  });

  it('delivers per gemeente with the code from the database; --gemeente or --gemeentecode picks one', () => {
    expect(deliveryTargets(BOTH, undefined, undefined)).toEqual([
      { gemeente: BLOEMENDAAL, code: '0377' },
      { gemeente: HEEMSTEDE, code: '0397' },
    ]);
    expect(deliveryTargets(BOTH, 'heemstede', undefined)).toEqual([{ gemeente: HEEMSTEDE, code: '0397' }]);
    expect(deliveryTargets(BOTH, undefined, '0377')).toEqual([{ gemeente: BLOEMENDAAL, code: '0377' }]);
    expect(() => deliveryTargets(BOTH, undefined, '0398')).toThrow(UsageError);
    expect(() => deliveryTargets(BOTH, '0397', '0377')).toThrow(UsageError);
  });

  it('with one gemeente delivers the whole database as before; without a code yet the code comes from the options', () => {
    expect(deliveryTargets([HEEMSTEDE], undefined, undefined)).toEqual([{ gemeente: undefined, code: '0397' }]);
    expect(deliveryTargets([UNNAMED], undefined, '0397')).toEqual([{ gemeente: undefined, code: null }]);
    expect(() => deliveryTargets([HEEMSTEDE], undefined, '0377')).toThrow(UsageError);
  });

  it('names each gemeente\'s delivery file after its code', () => {
    expect(gemeenteFileName('uit/levering.json', '0397')).toBe('uit/levering-0397.json');
    expect(gemeenteFileName('levering', '0377')).toBe('levering-0377.json');
  });
});
