import type { IsoDate } from '../core/types.js';
import { planVisitList, type VisitArea } from '../core/visit-list.js';
import type { Store } from '../store/store.js';
import { assertTriaged, worklistRules, type ListFilter } from './worklist.js';

/** The month's house-visit list (of one worker, or all) on `today`, in route order. */
export async function readVisitList(store: Store, filter: ListFilter, today: IsoDate): Promise<VisitArea[]> {
  if (filter.month !== null) await assertTriaged(store, filter.month);
  const rules = await worklistRules(store);
  return planVisitList(await store.worklist(filter.month, filter.workerId, filter.gemeenteId), rules.visit, today);
}
