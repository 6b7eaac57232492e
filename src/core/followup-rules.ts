// The rules that keep recorded follow-up from contradicting itself: work is only recorded on a
// melding that was picked up, an attempt lies between the first day of the list month and today,
// and a result agrees with the referral and with the attempts (issue 11, issue 12 "Results that
// agree"). Each rule returns what is wrong as Dutch text, or null; the caller adds where (file and
// line) and stops before anything is written.

import { EINDRESULTATEN, NOT_PICKED_UP_RESULTS, type Eindresultaat, type ReferralTarget } from './followup.js';
import type { DecisionKind } from './triage/types.js';
import type { IsoDate, Month } from './types.js';

/** A melding is picked up when the triage (or a `pickup`) assigned it and no Niet opgepakt result closed it. */
export function isPickedUp(state: { decision: DecisionKind | null; resultaat: Eindresultaat | null }): boolean {
  return (state.decision === 'altijd' || state.decision === 'capaciteit') && !isNotPickedUpResult(state.resultaat);
}

export function isNotPickedUpResult(resultaat: Eindresultaat | null): boolean {
  return resultaat !== null && (NOT_PICKED_UP_RESULTS as readonly string[]).includes(resultaat);
}

/** The first day of a list month: no attempt for one of its meldingen can be earlier. */
export function firstDayOf(month: Month): IsoDate {
  return `${month}-01`;
}

/** Why an attempt's date cannot be right for a melding of `month`, or null. */
export function attemptDateProblem(datum: IsoDate, month: Month, today: IsoDate): string | null {
  if (datum < firstDayOf(month)) return `de poging is van ${datum}, voor de lijst van ${month} (vanaf ${firstDayOf(month)})`;
  if (datum > today) return `de poging is van ${datum}, na vandaag (${today})`;
  return null;
}

const CODE_OF: ReadonlyMap<Eindresultaat, string> = new Map(EINDRESULTATEN.map((r) => [r.value, r.code]));

/** The command-line code of a national result, as `close --result` takes it. */
export function resultCode(resultaat: Eindresultaat): string {
  return CODE_OF.get(resultaat)!;
}

/** The results that fit a referral: financial help for schuldhulpverlening, non-financial or general help for AMW. */
export const RESULTS_FOR_REFERRAL: Partial<Record<ReferralTarget, readonly Eindresultaat[]>> = {
  schuldhulpverlening: [
    'Vervolghulp en/of verwijzing financieel',
    'Vervolghulp en/of verwijzing',
    'Verwijzing zonder tussenkomst inwoner',
  ],
  amw: ['Vervolghulp en/of verwijzing niet financieel', 'Vervolghulp en/of verwijzing', 'Verwijzing zonder tussenkomst inwoner'],
};

export interface ResultConflict {
  problem: string;
  /** The result codes that would fit, for the hint. */
  fitting: readonly string[];
}

/**
 * Whether a result contradicts its referral or the melding's attempts: a referral to
 * schuldhulpverlening or AMW needs a result of that kind of help, "al bekend bij
 * schuldhulpverlening" cannot come with a referral to it, and a Niet opgepakt result cannot
 * close a melding on which an attempt was made.
 */
export function resultConflict(resultaat: Eindresultaat, referredTo: ReferralTarget | null, contactAttempts: number): ResultConflict | null {
  const code = resultCode(resultaat);
  if (resultaat === 'Inwoner al bekend bij schuldhulpverlening' && referredTo === 'schuldhulpverlening') {
    return {
      problem: `${code} ("${resultaat}") gaat niet samen met een verwijzing naar schuldhulpverlening`,
      fitting: (RESULTS_FOR_REFERRAL.schuldhulpverlening ?? []).map(resultCode),
    };
  }
  const fits = referredTo === null ? undefined : RESULTS_FOR_REFERRAL[referredTo];
  if (fits !== undefined && !fits.includes(resultaat)) {
    return { problem: `${code} ("${resultaat}") past niet bij een verwijzing naar ${referredTo}`, fitting: fits.map(resultCode) };
  }
  if (contactAttempts > 0 && isNotPickedUpResult(resultaat)) {
    return {
      problem: `${code} ("${resultaat}") kan niet: er is al een contactpoging vastgelegd, dus de melding is opgepakt`,
      fitting: EINDRESULTATEN.filter((r) => !isNotPickedUpResult(r.value)).map((r) => r.code),
    };
  }
  return null;
}
