// The triage's public surface: plan a month, and the configuration it reads.

export { planTriage } from './plan.js';
export { parsePriorityOrder, PRIORITY_KEY_DESCRIPTIONS } from './config.js';
export { DEFAULT_TRIAGE_CONFIG, PRIORITY_KEYS } from './types.js';
export type {
  Closure,
  CurrentDecision,
  Decision,
  DecisionKind,
  DecisionRule,
  PriorityKey,
  RecentMelding,
  TriageConfig,
  TriageFigures,
  TriageInput,
  TriageMelding,
  TriagePlan,
  TriageSignal,
  TriageWorker,
} from './types.js';
