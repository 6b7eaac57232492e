// The domain's vocabulary as types. Values follow the national DDAS vroegsignalering v1.2 model
// where it has one (signaalpartner types, geslacht), so that an export needs no translation.

export const SIGNAALPARTNERS = [
  'Huur',
  'Energie',
  'Water',
  'Zorg',
  'CAK Zorgverzekeringen',
  'CAK Eigen bijdrage',
  'Hypotheek',
  'DUO',
  'Belastingdienst',
  'Dienst Toeslagen',
  'Overige',
] as const;
export type Signaalpartner = (typeof SIGNAALPARTNERS)[number];

export const GESLACHTEN = ['Man', 'Vrouw', 'Onbekend'] as const;
export type Geslacht = (typeof GESLACHTEN)[number];

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;
/** A list month as `YYYY-MM`. */
export type Month = string;

export type Category = 'enkelvoudig' | 'meervoudig';

/** A household is an address; these three normalised parts identify it. */
export interface Address {
  /** `1234AB` */
  postcode: string;
  /** digits only */
  huisnummer: string;
  /** trimmed, uppercased; '' when there is none */
  toevoeging: string;
}

/** Who the signal is about. Every field is personal data and may be purged later. */
export interface Person {
  bsn: string | null;
  voorletters: string | null;
  voorvoegsel: string | null;
  achternaam: string | null;
  /** A single free-form name column, when the list has no separate name parts. */
  naam: string | null;
  geboortedatum: IsoDate | null;
  geslacht: Geslacht | null;
  straatnaam: string | null;
  plaatsnaam: string | null;
  telefoon: string | null;
  email: string | null;
}

/** One normalised row of a monthly list: one report by one creditor about one household. */
export interface Signal {
  signaalId: string | null;
  signaaldatum: IsoDate;
  ontstaansdatum: IsoDate | null;
  signaalpartner: Signaalpartner;
  schuldeiser: string | null;
  bedragCents: number;
  crisissignaal: boolean;
  warmeOverdracht: boolean;
  address: Address;
  person: Person;
}

/**
 * The outcome of reading one field. `expected` says in Dutch what a valid value looks like;
 * `hint` is the fix when one is known.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; hint?: string };
