import { describeGemeente } from '../core/gemeente.js';
import type { ChalkInstance } from 'chalk';
import type { TriageOutcome } from '../app/triage-month.js';
import { describeMonth } from '../core/month.js';
import { CLOSURE_REASON } from '../core/triage/reasons.js';
import type { DecisionKind, DecisionRule } from '../core/triage/types.js';
import { localDateTime } from './dates.js';
import { renderTable } from './table.js';

// What a triage run prints: the month's figures, the share per worker, and (for a dry run, or on
// request) every decision with its reason (references only, no personal data), so a dry run
// shows exactly what would be stored.

const KIND_LABEL: Record<DecisionKind, string> = {
  altijd: 'altijd opvolgen',
  capaciteit: 'binnen capaciteit',
  'niet-opgepakt': 'niet opgepakt',
  uitgesteld: 'uitgesteld',
};

const RULE_LABEL: Partial<Record<DecisionRule, string>> = {
  meervoudig: 'meervoudig',
  crisis: 'crisissignaal',
  'warme-overdracht': 'warme overdracht',
  'vorige-maand-niet-opgevolgd': 'vorige maand niet opgevolgd',
  lopend: 'lopend, bij de eigen medewerker',
  herhaald: 'herhaalde melding',
  'onder-drempel': 'onder de drempel',
  behouden: 'behouden van een eerdere triage',
};

export function renderTriage(
  outcome: TriageOutcome,
  options: { dryRun: boolean; details: boolean; colour: ChalkInstance },
): string {
  const { plan, run, workers } = outcome;
  const { figures } = plan;
  const { colour } = options;
  const fixed = outcome.fixedCapacities ?? [];
  const alone = fixed.length === 1 && fixed[0]!.capacity === figures.capacity && !run.capacityOverridden ? fixed[0]! : null;
  const capacitySource =
    alone !== null
      ? `ingesteld voor ${describeGemeente(alone.gemeente)}`
      : (run.capacityOverridden ? 'opgegeven met --capacity' : `som van ${workers.filter((w) => w.active).length} actieve medewerker(s)`) +
        (fixed.length > 0 ? `; vast deel: ${fixed.map((f) => `${describeGemeente(f.gemeente)} ${f.capacity}`).join(', ')}` : '');
  const lines = [
    colour.bold(
      `${options.dryRun ? 'Proefrun: triage' : 'Triage'} van ${describeMonth(plan.month)} (${plan.month}): ${plan.decisions.length} meldingen, capaciteit ${figures.capacity} (${capacitySource})${outcome.rerun ? '; opnieuw getrieerd, toewijzingen en opvolging blijven staan' : ''}${outcome.stored ? `; zoals opgeslagen op ${localDateTime(run.triagedAt)}` : ''}`,
    ),
  ];
  // One pass over the outlines (no reasons built): per kind its count and its rules' counts, the
  // rules in the order they first occur.
  const perKind = new Map<DecisionKind, { count: number; rules: Map<string, number> }>();
  const assigned = new Map<number, number>();
  for (const d of plan.decisions.outline()) {
    const tally = perKind.get(d.kind) ?? { count: 0, rules: new Map<string, number>() };
    perKind.set(d.kind, tally);
    tally.count++;
    const label = RULE_LABEL[d.rule];
    if (label !== undefined) tally.rules.set(label, (tally.rules.get(label) ?? 0) + 1);
    if (d.workerId !== null) assigned.set(d.workerId, (assigned.get(d.workerId) ?? 0) + 1);
  }
  const byKind = (kind: DecisionKind): string => {
    const tally = perKind.get(kind);
    const detail = [...(tally?.rules ?? [])].map(([label, count]) => `${count} ${label}`).join(', ');
    return `${String(tally?.count ?? 0).padStart(4)}${detail === '' ? '' : `  (${detail})`}`;
  };
  for (const kind of ['altijd', 'capaciteit', 'niet-opgepakt', 'uitgesteld'] as const) {
    lines.push(`  ${KIND_LABEL[kind].padEnd(18)}${byKind(kind)}`);
  }
  if (plan.closures.length > 0) {
    const gone = plan.closures.filter((c) => c.reason === CLOSURE_REASON).length;
    lines.push(
      `  ${plan.closures.length} uitgestelde ${plan.closures.length === 1 ? 'melding' : 'meldingen'} van vorige maand afgesloten als niet opgepakt: ${plan.closures.length - gone} met het huishouden terug op deze lijst, ${gone} niet terug`,
    );
  }

  const share = workers
    .filter((w) => w.active || assigned.has(w.id))
    .map((w) => `${w.name} ${assigned.get(w.id) ?? 0} (capaciteit ${w.capacity})`);
  if (share.length > 0) lines.push(`Per medewerker: ${share.join(', ')}`);
  lines.push('');

  const names = new Map(workers.map((w) => [w.id, w.name]));
  const table = options.details
    ? renderTable(
        ['melding', 'besluit', 'medewerker', 'reden'],
        Array.from(plan.decisions, (d) => [d.ref, d.kind, d.workerId === null ? '' : (names.get(d.workerId) ?? ''), d.reason]),
        colour,
      )
    : '';
  const footer = options.dryRun
    ? colour.yellow('Proefrun: er is niets opgeslagen.')
    : `Werklijst: eropaf worklist --month ${plan.month}${options.details ? '' : '  (elk besluit met reden: --details)'}`;
  return `${lines.join('\n')}\n${table}${footer}\n`;
}
