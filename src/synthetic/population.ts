// A stable population of households, derived lazily from an index. Household i is the same in
// every month and every run (its own PRNG is seeded from the population seed and i), so a list
// generator can pick households by number without keeping a million of them in memory.

import type { IsoDate, Signaalpartner } from '../core/types.js';
import { allTestBsns } from './bsn.js';
import { profileFor } from './creditors.js';
import { PLAATSNAAM, TOEVOEGINGEN } from './names.js';
import {
  BSN_SHARE,
  generatePerson,
  generateSurname,
  MAX_HUISNUMMER,
  postcodeAt,
  postcodeCount,
  streetForPostcode,
  type SyntheticAddress,
  type SyntheticPerson,
} from './people.js';
import { mixSeed, Random, weightedAt } from './random.js';

export interface Household {
  index: number;
  address: SyntheticAddress;
  /** One or two adults; signals name one of them. */
  residents: readonly SyntheticPerson[];
}

export interface PopulationOptions {
  seed: number;
  /** Number of households that can ever get a signal. */
  size: number;
  /** Ages are computed at this date. */
  referenceDate: IsoDate;
}

/**
 * Every 25th household block has 3 households on an address with a toevoeging (12%). Splitting by
 * index (not by chance) lets each kind be numbered densely, which the address permutation needs.
 */
const BLOCK = 25;
const WITH_TOEVOEGING_PER_BLOCK = 3;

export class Population {
  readonly seed: number;
  readonly size: number;
  readonly referenceDate: IsoDate;
  private readonly plainSlots: AffinePermutation;
  private readonly toevoegingSlots: AffinePermutation;
  private readonly bsnSlots: AffinePermutation;

  constructor(options: PopulationOptions) {
    this.seed = options.seed >>> 0;
    this.size = options.size;
    this.referenceDate = options.referenceDate;
    const plainCapacity = postcodeCount() * MAX_HUISNUMMER;
    const plainNeeded = this.size - countWithToevoeging(this.size);
    if (!Number.isInteger(this.size) || this.size < 1 || plainNeeded > plainCapacity) {
      throw new RangeError(
        `population size ${this.size}: must be 1..${Math.floor((plainCapacity * BLOCK) / (BLOCK - WITH_TOEVOEGING_PER_BLOCK))} (distinct addresses in the postcode range)`,
      );
    }
    this.plainSlots = new AffinePermutation(plainCapacity, mixSeed(this.seed, 'plain-addresses'));
    this.toevoegingSlots = new AffinePermutation(plainCapacity * TOEVOEGINGEN.length, mixSeed(this.seed, 'toevoeging-addresses'));
    this.bsnSlots = new AffinePermutation(allTestBsns().length, mixSeed(this.seed, 'bsns'));
  }

  household(index: number): Household {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`household ${index} outside population of ${this.size}`);
    }
    const rng = Random.derive(this.seed, 'household', index);
    const address = this.addressOf(index);
    const count = rng.chance(0.55) ? 2 : 1;
    const residents: SyntheticPerson[] = [];
    for (let r = 0; r < count; r++) {
      const first = residents[0];
      const shareSurname = first !== undefined && rng.chance(0.5);
      residents.push(
        generatePerson(rng, {
          referenceDate: this.referenceDate,
          bsn: rng.chance(BSN_SHARE) ? this.bsnOf(index * 2 + r) : null,
          surname: shareSurname ? { voorvoegsel: first.voorvoegsel, achternaam: first.achternaam } : generateSurname(rng),
        }),
      );
    }
    return { index, address, residents };
  }

  /** The household's own creditor of a type (its insurer, its energy supplier): stable over months. */
  creditorOf(index: number, type: Signaalpartner): string {
    return weightedAt(profileFor(type).creditors, mixSeed(this.seed, 'creditor', index, type) / 4294967296);
  }

  /** Which resident a creditor's signals name: usually the first, sometimes the partner. */
  debtorOf(household: Household, type: Signaalpartner): SyntheticPerson {
    const partner = household.residents[1];
    const first = household.residents[0] as SyntheticPerson;
    if (partner === undefined) return first;
    return mixSeed(this.seed, 'debtor', household.index, type) % 100 < 75 ? first : partner;
  }

  private addressOf(index: number): SyntheticAddress {
    const block = Math.floor(index / BLOCK);
    const inBlock = index % BLOCK;
    if (inBlock < WITH_TOEVOEGING_PER_BLOCK) {
      const slot = this.toevoegingSlots.at(block * WITH_TOEVOEGING_PER_BLOCK + inBlock);
      return addressAt(Math.floor(slot / TOEVOEGINGEN.length), TOEVOEGINGEN[slot % TOEVOEGINGEN.length] as string);
    }
    const plainRank = block * (BLOCK - WITH_TOEVOEGING_PER_BLOCK) + (inBlock - WITH_TOEVOEGING_PER_BLOCK);
    return addressAt(this.plainSlots.at(plainRank), '');
  }

  /**
   * Distinct for the first 9,091 people (person id = 2 * household + resident); beyond that the
   * test range is exhausted and BSNs repeat, which only large benchmark populations reach.
   */
  private bsnOf(personId: number): string {
    const all = allTestBsns();
    return all[this.bsnSlots.at(personId % all.length)] as string;
  }
}

function countWithToevoeging(size: number): number {
  return Math.floor(size / BLOCK) * WITH_TOEVOEGING_PER_BLOCK + Math.min(size % BLOCK, WITH_TOEVOEGING_PER_BLOCK);
}

/** Slot = postcode index * 250 + (huisnummer - 1). */
function addressAt(slot: number, toevoeging: string): SyntheticAddress {
  const postcodeIndex = Math.floor(slot / MAX_HUISNUMMER);
  return {
    straatnaam: streetForPostcode(postcodeIndex),
    huisnummer: String((slot % MAX_HUISNUMMER) + 1),
    toevoeging,
    postcode: postcodeAt(postcodeIndex),
    plaatsnaam: PLAATSNAAM,
  };
}

/** x -> (a*x + b) mod n with gcd(a, n) = 1: a bijection, so distinct ranks get distinct slots. */
class AffinePermutation {
  private readonly a: number;
  private readonly b: number;

  constructor(
    private readonly n: number,
    seed: number,
  ) {
    let a = n > 1 ? (seed % (n - 1)) + 1 : 1;
    while (gcd(a, n) !== 1) a = (a % (n - 1)) + 1;
    this.a = a;
    this.b = mixSeed(seed, 'offset') % n;
  }

  at(x: number): number {
    // a and x stay below 2^26, so the product is exact in a double.
    return (this.a * x + this.b) % this.n;
  }
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
