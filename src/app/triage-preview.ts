import { createHash } from 'node:crypto';
import type { TriageOutcome } from './triage-month.js';

/**
 * A fingerprint of a triage plan: every decision (reference, kind, rule, worker), the closures and
 * the capacity. The web app shows a preview and sends this along with "Triëren"; when the plan
 * computed then differs (someone imported or recorded in between), the preview is shown again
 * instead of storing a plan nobody saw.
 */
export function triageFingerprint(outcome: TriageOutcome): string {
  const hash = createHash('sha256');
  hash.update(`${outcome.plan.month}|${outcome.run.capacity}|`);
  for (const d of outcome.plan.decisions) hash.update(`${d.ref},${d.kind},${d.rule},${d.workerId ?? ''},${d.kept ? 1 : 0};`);
  for (const c of outcome.plan.closures) hash.update(`${JSON.stringify(c)};`);
  return hash.digest('hex');
}
