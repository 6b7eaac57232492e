import { z } from 'zod';
import { daysInMonth } from '../core/fields/date.js';
import { DDAS_MAX_SIGNALS_PER_FILE } from '../core/report/ddas.js';
import { lastCompleteHalfYear, type Period } from '../core/report/period.js';
import type { Month } from '../core/types.js';
import type { DeliveryPageRequest } from '../app/ddas/delivery-page.js';

// The body of `POST /gegevens` (GegevensRequest in DDAS-VS.yaml): every field optional, no
// others allowed. eropaf delivers whole months, so a period runs from the first of a month to
// the last of a month; without one the supplier chooses (docs/api/berichten.md): eropaf then
// delivers the last complete half year, the DDAS delivery period.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const date = z
  .string({ error: 'moet een datum zijn als JJJJ-MM-DD' })
  .refine(isCalendarDate, { error: 'moet een bestaande datum zijn als JJJJ-MM-DD' });
const positiveInteger = (what: string) =>
  z.number({ error: `moet een geheel getal van 1 of meer zijn (${what})` }).int({ error: `moet een geheel getal zijn (${what})` }).min(1, { error: `moet 1 of meer zijn (${what})` });

const gegevensRequest = z.strictObject(
  {
    aanleverperiodeStartdatum: date.optional(),
    aanleverperiodeEinddatum: date.optional(),
    aanleverendeOrganisatie: z.string({ error: 'moet een tekst zijn' }).trim().min(1, { error: 'mag niet leeg zijn' }).max(200, { error: 'is langer dan 200 tekens' }).optional(),
    page: positiveInteger('de pagina').optional(),
    pageSize: positiveInteger('vroegsignalen per pagina').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `onbekend veld: ${issue.keys.join(', ')}` : 'het verzoek moet een JSON-object zijn') },
);

export type ParsedRequest = { ok: true; value: DeliveryPageRequest } | { ok: false; problems: string[] };

const monthOf = (isoDate: string): Month => isoDate.slice(0, 7) as Month;

function period(start: string | undefined, end: string | undefined, today: Date): Period | string[] {
  if (start === undefined && end === undefined) return lastCompleteHalfYear(monthOf(today.toISOString()));
  if (start === undefined || end === undefined) return ['geef aanleverperiodeStartdatum én aanleverperiodeEinddatum, of geen van beide'];
  const problems: string[] = [];
  if (!start.endsWith('-01')) problems.push('aanleverperiodeStartdatum: moet de eerste dag van een maand zijn (eropaf levert hele maanden)');
  const [year, month] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  if (Number(end.slice(8, 10)) !== daysInMonth(year, month)) problems.push('aanleverperiodeEinddatum: moet de laatste dag van een maand zijn (eropaf levert hele maanden)');
  if (start > end) problems.push('aanleverperiodeStartdatum: ligt na aanleverperiodeEinddatum');
  return problems.length > 0 ? problems : { from: monthOf(start), to: monthOf(end) };
}

/** Checks the parsed JSON body; the problems are Dutch and name fields, never values. */
export function parseGegevensRequest(body: unknown, today: Date): ParsedRequest {
  const parsed = gegevensRequest.safeParse(body);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`)) };
  }
  const { aanleverperiodeStartdatum, aanleverperiodeEinddatum, aanleverendeOrganisatie, page, pageSize } = parsed.data;
  const chosen = period(aanleverperiodeStartdatum, aanleverperiodeEinddatum, today);
  if (Array.isArray(chosen)) return { ok: false, problems: chosen };
  return {
    ok: true,
    value: {
      period: chosen,
      ...(aanleverendeOrganisatie !== undefined && { aanleverendeOrganisatie }),
      page: page ?? 1,
      pageSize: Math.min(pageSize ?? DDAS_MAX_SIGNALS_PER_FILE, DDAS_MAX_SIGNALS_PER_FILE),
    },
  };
}
