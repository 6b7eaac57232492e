// The Dutch sentences the worklist shows for each decision. They name the rule and the numbers
// behind it, so that a worker (or the municipality) can check every choice; they never contain
// personal data (no names, no addresses), only amounts, dates and months.

import { formatCents } from '../fields/amount.js';
import type { Month } from '../types.js';
import type { AlwaysRule } from './always.js';
import type { MeldingFacts } from './facts.js';
import type { NotPickedUpFinding } from './not-picked-up.js';
import type { RankFacts } from './priority.js';
import type { DecisionKind, PriorityKey } from './types.js';

export function alwaysReason(rule: AlwaysRule, facts: Pick<MeldingFacts, 'organisations'>): string {
  switch (rule) {
    case 'meervoudig': {
      const n = facts.organisations;
      // The category comes from the import; the count is only shown when the signals bear it out.
      if (n >= 2) return `meervoudig: achterstand bij ${n} organisaties`;
      return 'meervoudig: achterstand bij meer dan één organisatie';
    }
    case 'crisis':
      return 'crisissignaal van de schuldeiser: altijd opvolgen';
    case 'warme-overdracht':
      return 'warme overdracht door de schuldeiser: altijd opvolgen';
    case 'vorige-maand-niet-opgevolgd':
      return 'vorige maand ook op de lijst en niet opgevolgd';
  }
}

/** A melding that joined the household's case in progress. */
export function joinedReason(caseRef: string): string {
  return `lopend: hoort bij ${caseRef}`;
}

function monthList(months: readonly Month[]): string {
  if (months.length <= 1) return months.join('');
  return `${months.slice(0, -1).join(', ')} en ${months[months.length - 1]}`;
}

export function notPickedUpReason(finding: NotPickedUpFinding): string {
  switch (finding.rule) {
    case 'herhaald':
      return `herhaalde melding: zelfde organisatie, bedrag niet hoger, opgevolgd in ${monthList(finding.months)}`;
    case 'onder-drempel':
      return (
        `onder de drempel: totaalbedrag ${formatCents(finding.totalCents)} ` +
        `is lager dan ${formatCents(finding.minAmountCents)}`
      );
  }
}

/** The facts behind a place in the order, in the configured order: what the worker can check. */
function priorityDetails(order: readonly PriorityKey[], facts: RankFacts): string {
  const parts: string[] = [];
  for (const key of new Set(order)) {
    if (key === 'woon' && facts.woon) parts.push('huur/hypotheek');
    if (key === 'bedrag') parts.push(formatCents(facts.totalCents));
    if (key === 'ontstaansdatum' && facts.earliestOntstaansdatum !== null) {
      parts.push(`ontstaan ${facts.earliestOntstaansdatum}`);
    }
  }
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

export function capacityReason(place: number, order: readonly PriorityKey[], facts: RankFacts): string {
  return `binnen de capaciteit: plaats ${place}${priorityDetails(order, facts)}`;
}

export function deferredReason(place: number, candidates: number, room: number): string {
  return (
    `uitgesteld: capaciteit vol (plaats ${place} van ${candidates}, ruimte voor ${room}); ` +
    'komt het huishouden volgende maand terug, dan wordt het zeker opgevolgd'
  );
}

const KIND_LABELS: Readonly<Record<DecisionKind, string>> = {
  altijd: 'altijd opvolgen',
  capaciteit: 'binnen de capaciteit',
  'niet-opgepakt': 'niet opgepakt',
  uitgesteld: 'uitgesteld',
};

export function keptReason(kind: DecisionKind): string {
  return `eerder ingedeeld (${KIND_LABELS[kind]}); toewijzing en vastgelegde opvolging blijven staan`;
}

export const CLOSURE_REASON = 'niet opgepakt: capaciteit (huishouden niet terug op de lijst)';
export const CLOSURE_REASON_RETURNED = 'niet opgepakt: capaciteit (huishouden terug op de lijst, opgevolgd via de nieuwe melding)';
