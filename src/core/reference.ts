import type { Month } from './types.js';

// A melding's short reference, to say on the phone and to type: the list month and the
// melding's number within that month, e.g. `2022-03-017`.

const REF_PATTERN = /^(\d{4}-\d{2})-(\d{1,6})$/;

export function formatRef(month: Month, seq: number): string {
  return `${month}-${String(seq).padStart(3, '0')}`;
}

export function parseRef(text: string): { month: Month; seq: number } | null {
  const match = REF_PATTERN.exec(text.trim());
  if (match === null) return null;
  const seq = Number(match[2]);
  return seq > 0 ? { month: match[1]!, seq } : null;
}
