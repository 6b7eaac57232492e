import { describeMonth } from '../core/month.js';
import type { Month } from '../core/types.js';
import type { AccountRecord, WorkerRecord } from '../store/store.js';
import type { WebOptions } from './env.js';
import { SelectField } from './fields.js';

// The month and worker filters that the worklist and the house-visit pages share: in the address
// as `maand` and `medewerker` (a worker's id, or `alle` for the whole team).

/** The triaged months, newest first. */
export async function triagedMonths(options: WebOptions): Promise<Month[]> {
  return (await options.store.triagedMonths()).reverse();
}

/** The worker of the address: absent is the account's own worker, `alle` none; undefined when it is no id. */
export function readWorkerFilter(value: string | undefined, account: AccountRecord): number | null | undefined {
  if (value === 'alle') return null;
  if (value === undefined || value === '') return account.workerId;
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** The worker filter as it goes in the address. */
export function workerParam(workerId: number | null): string {
  return workerId === null ? 'alle' : String(workerId);
}

export function MonthSelect(props: { value: Month | null; triaged: readonly Month[]; allMonths?: boolean }) {
  const months = props.triaged.map((m) => ({ value: m, label: `${describeMonth(m)} (${m})` }));
  return (
    <SelectField
      id="filter-maand"
      name="maand"
      label="Maand"
      value={props.value ?? 'alle'}
      options={props.allMonths === true ? [{ value: 'alle', label: 'alle maanden' }, ...months] : months}
    />
  );
}

export function WorkerSelect(props: { workerId: number | null; workers: readonly WorkerRecord[] }) {
  return (
    <SelectField
      id="filter-medewerker"
      name="medewerker"
      label="Medewerker"
      value={workerParam(props.workerId)}
      options={[{ value: 'alle', label: 'heel het team' }, ...props.workers.map((w) => ({ value: String(w.id), label: w.name }))]}
    />
  );
}
