// Word lists for fictional Dutch-looking people and streets. Surnames are common, so no single
// real person is described; combined with fictional streets and test BSNs nothing points to anyone.
// A few names carry é, ë, ö, ü and ç on purpose: they break naive encodings (Windows-1252 vs UTF-8).

import type { Weighted } from './random.js';

export const SURNAMES: Weighted<string> = [
  ['Jansen', 6], ['Bakker', 5], ['Visser', 5], ['Smit', 5], ['Meijer', 4], ['Mulder', 4],
  ['Bos', 4], ['Vos', 3], ['Peters', 3], ['Hendriks', 3], ['Dekker', 3], ['Brouwer', 3],
  ['Dijkstra', 3], ['Kok', 3], ['Jacobs', 2], ['Vermeulen', 2], ['Willems', 2], ['Verhoeven', 2],
  ['Koster', 2], ['Prins', 2], ['Postma', 2], ['Kuipers', 2], ['Huisman', 2], ['Schouten', 2],
  ['Veenstra', 1], ['Hoekstra', 1], ['Timmermans', 1], ['Wolters', 1], ['Groen', 1], ['Blom', 1],
  ['Kramer', 1], ['Scholten', 1], ['Hermans', 1], ['Kaya', 1], ['Yilmaz', 1], ['Bouzid', 1],
  ['El Amrani', 1], ['Nguyen', 1], ['Pinas', 1], ['Kartosen', 1], ['Sno', 1], ['Kowalski', 1],
  // Diacritics, deliberately over-represented so every month's list contains some.
  ['Boër', 2], ['Schröder', 2], ['Dupré', 2], ['Lefèvre', 1], ['Özdemir', 2], ['Çelik', 1],
  ['Müller', 1], ['Hoëlman', 1],
];

/** Surnames that go with a voorvoegsel (the prefix is stored separately, as the lists do). */
export const PREFIXED_SURNAMES: Weighted<readonly [string, string]> = [
  [['de', 'Vries'], 6], [['van', 'Dijk'], 5], [['van den', 'Berg'], 5], [['de', 'Boer'], 4],
  [['van der', 'Meer'], 4], [['de', 'Jong'], 6], [['van', 'Leeuwen'], 3], [['de', 'Groot'], 3],
  [['van der', 'Linden'], 3], [['van', 'Beek'], 2], [['ter', 'Horst'], 1], [["in 't", 'Veld'], 1],
  [["van 't", 'Hof'], 1], [['van de', 'Ven'], 2], [['den', 'Hartog'], 1], [['de', 'Wit'], 3],
  [['van', 'Vliet'], 2], [['te', 'Riele'], 1], [['van der', 'Heijden'], 2], [['de', 'Graaf'], 2],
];

/** How often a surname has a voorvoegsel; most do not. */
export const PREFIX_SHARE = 0.3;

export const INITIALS_MALE: Weighted<string> = [
  ['J', 10], ['P', 6], ['H', 6], ['A', 5], ['M', 5], ['W', 4], ['R', 4], ['C', 3], ['G', 3],
  ['K', 3], ['T', 3], ['S', 3], ['D', 2], ['E', 2], ['F', 2], ['L', 2], ['B', 2], ['N', 1],
  ['Y', 1], ['O', 1],
];

export const INITIALS_FEMALE: Weighted<string> = [
  ['M', 9], ['A', 7], ['J', 6], ['C', 5], ['E', 5], ['H', 4], ['S', 4], ['L', 4], ['N', 3],
  ['I', 3], ['W', 3], ['F', 2], ['K', 2], ['P', 2], ['R', 2], ['T', 2], ['Y', 2], ['D', 1],
  ['G', 1], ['B', 1],
];

/**
 * Fictional street names. Deliberately none of Heemstede's well-known streets (Binnenweg,
 * Raadhuisstraat, Herenweg, …), so a generated address is not someone's real address.
 */
export const STREETS: readonly string[] = [
  'Lindelaan', 'Keizersweg', 'Meidoornstraat', 'Zwaluwhof', 'Duinroosweg', 'Berkenplein',
  'Kastanjedreef', 'Vlierhof', 'Reigerkade', 'Kievitlaan', 'Goudsbloemstraat', 'Zonnedauwpad',
  'Schelpenstraat', 'Helmgrasweg', 'Waterhoenlaan', 'Zilverschoonlaan', 'Duinpieperweg',
  'Tulpenhof', 'Kwekerspad', 'Bollenveldkade', 'Burgemeester Valkhofstraat', 'Dokter Roelofsplein',
  'Esdoornlaan', 'Hazelaarstraat', 'Merelhof', 'Ooievaarsweg', 'Pluimgrasstraat', 'Rietkraaglaan',
  'Spaarnedijkje', 'Strandwalweg', 'Valkenierslaan', 'Wilgenhof', 'Zeereepstraat', 'Boterbloemlaan',
  'Lisdoddekade', 'Klaprooshof', 'Nachtegaalpad', 'Havikstraat', 'Duindoornplein', 'Eendenkooiweg',
];

/** Two-letter postcode parts skip these letters, as Dutch postcodes do. */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';
/** SA, SD and SS are never issued. */
const FORBIDDEN_PAIRS = new Set(['SA', 'SD', 'SS']);

export const POSTCODE_NUMBERS: readonly string[] = ['2101', '2102', '2103', '2104', '2105', '2106'];

export const POSTCODE_LETTER_PAIRS: readonly string[] = (() => {
  const pairs: string[] = [];
  for (const first of POSTCODE_LETTERS) {
    for (const second of POSTCODE_LETTERS) {
      const pair = first + second;
      if (!FORBIDDEN_PAIRS.has(pair)) pairs.push(pair);
    }
  }
  return pairs;
})();

export const PLAATSNAAM = 'Heemstede';

/** Toevoegingen as they appear on lists; 'bis' stays lowercase, as it is written. */
export const TOEVOEGINGEN: readonly string[] = ['A', 'B', '1', '2', 'bis'];

export const EMAIL_DOMAINS: readonly string[] = ['voorbeeld.nl', 'example.nl'];
