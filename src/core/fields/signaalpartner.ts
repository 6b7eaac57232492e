// Municipalities label the creditor kind in their own words ("woningcorporatie",
// "zorgverzekeraar"); the tool stores the national DDAS type so that reports and exports need no
// translation. The accepted words are one exported table, so the README can be
// generated from it and checked against it.
//
// Contract shared by all field parsers: the caller passes the raw cell text, which is normalised
// here; an empty cell is the caller's concern, so this is only called with text that is non-empty
// after trimming.

import { SIGNAALPARTNERS, type Parsed, type Signaalpartner } from '../types.js';

/**
 * Words accepted for each national type, in normalised form (lowercase, without spaces, `-`, `_`
 * and `.`). The national type name itself (normalised: `cakeigenbijdrage`) is always accepted as
 * well and is listed here too, so this table is the complete list.
 */
export const SIGNAALPARTNER_WORDS: Readonly<Record<Signaalpartner, readonly string[]>> = {
  Huur: ['huur', 'woning', 'woningcorporatie', 'woningbouwvereniging', 'verhuurder', 'wooncorporatie'],
  Energie: [
    'energie',
    'gas',
    'stroom',
    'elektriciteit',
    'electriciteit',
    'energieleverancier',
    'warmte',
  ],
  Water: ['water', 'drinkwater', 'waterbedrijf'],
  Zorg: ['zorg', 'zorgverzekeraar', 'zorgverzekering', 'ziektekosten'],
  'CAK Zorgverzekeringen': ['cakzorgverzekeringen', 'cak', 'wanbetalersregeling'],
  'CAK Eigen bijdrage': ['cakeigenbijdrage', 'eigenbijdrage'],
  Hypotheek: ['hypotheek', 'hypotheekverstrekker'],
  DUO: ['duo', 'studieschuld'],
  Belastingdienst: ['belastingdienst', 'belasting'],
  'Dienst Toeslagen': ['diensttoeslagen', 'toeslagen'],
  Overige: ['overige', 'overig', 'anders'],
};

const SEPARATORS = /[\s\-_.]+/g;

/** Lowercase, without spaces, `-`, `_` and `.`: the form the table above is written in. */
export function normaliseSignaalpartnerWord(text: string): string {
  return text.replace(SEPARATORS, '').toLowerCase();
}

const LOOKUP: ReadonlyMap<string, Signaalpartner> = buildLookup();

function buildLookup(): Map<string, Signaalpartner> {
  const map = new Map<string, Signaalpartner>();
  const add = (word: string, type: Signaalpartner): void => {
    const previous = map.get(word);
    // A word under two types would make the result depend on table order: a programming error.
    if (previous !== undefined && previous !== type) {
      throw new Error(`signaalpartner word under two types: ${word}`);
    }
    map.set(word, type);
  };
  for (const type of SIGNAALPARTNERS) {
    add(normaliseSignaalpartnerWord(type), type);
    for (const word of SIGNAALPARTNER_WORDS[type]) add(word, type);
  }
  return map;
}

const UNKNOWN: Parsed<Signaalpartner> = {
  ok: false,
  expected: `een signaalpartner: ${SIGNAALPARTNERS.join(', ')}`,
  hint: 'Gangbare woorden zoals woningcorporatie, zorgverzekeraar of energieleverancier worden ook herkend; zie de README voor de volledige lijst.',
};

/**
 * Parses a signaalpartner to its national type, case-insensitively and ignoring spaces, `-`, `_`
 * and `.`: `CAK eigen-bijdrage`, `Woningcorporatie`, `DUO` are all fine.
 *
 * @param text raw cell text; non-empty after trimming (an empty cell is the caller's concern).
 */
export function parseSignaalpartner(text: string): Parsed<Signaalpartner> {
  const type = LOOKUP.get(normaliseSignaalpartnerWord(text));
  return type === undefined ? UNKNOWN : { ok: true, value: type };
}
