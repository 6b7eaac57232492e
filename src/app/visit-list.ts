import type { IsoDate, Month } from '../core/types.js';
import { planVisitList, type VisitArea } from '../core/visit-list.js';
import type { Store } from '../store/store.js';
import { assertTriaged, worklistRules } from './worklist.js';

/** The month's house-visit list (of one worker, or all) on `today`, in route order. */
export async function readVisitList(store: Store, month: Month, workerId: number | null, today: IsoDate): Promise<VisitArea[]> {
  await assertTriaged(store, month);
  const rules = await worklistRules(store);
  return planVisitList(await store.worklist(month, workerId), rules.visit, today);
}
