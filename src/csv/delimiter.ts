// The field delimiter. Dutch Excel writes ';' (the decimal separator is ','), other systems
// write ',' or a tab; the header line tells which one a file uses.

import { UsageError } from '../core/errors.js';

export type Delimiter = ';' | ',' | '\t';

/** In order of preference when counts tie: ';' is what a Dutch municipality's Excel writes. */
const CANDIDATES: readonly Delimiter[] = [';', '\t', ','];

/**
 * Guesses the delimiter from the header line: the candidate that occurs most often outside
 * double quotes (a quoted column name such as "Naam, voorletters" must not count).
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const char of headerLine) {
    // An escaped quote ("") toggles twice, which leaves the state as it was.
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ';';
  let bestCount = -1;
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

const DELIMITER_ALIASES: ReadonlyMap<string, Delimiter> = new Map([
  [';', ';'],
  ['puntkomma', ';'],
  [',', ','],
  ['komma', ','],
  ['tab', '\t'],
  ['\\t', '\t'],
  ['\t', '\t'],
]);

/** Parses the value of a delimiter option; throws a UsageError for anything it does not know. */
export function parseDelimiterOption(text: string): Delimiter {
  // A real tab character would be lost by trimming, so look it up before trimming.
  const delimiter = DELIMITER_ALIASES.get(text) ?? DELIMITER_ALIASES.get(text.trim().toLowerCase());
  if (delimiter === undefined) {
    throw new UsageError(`Onbekend scheidingsteken "${text}".`, {
      hint: 'Kies ";" (of: puntkomma), "," (of: komma) of tab, of laat het scheidingsteken weg om het te laten herkennen.',
    });
  }
  return delimiter;
}

/** The name shown to users in messages. */
export function delimiterLabel(delimiter: Delimiter): string {
  switch (delimiter) {
    case ';':
      return 'puntkomma (;)';
    case ',':
      return 'komma (,)';
    case '\t':
      return 'tab';
  }
}
