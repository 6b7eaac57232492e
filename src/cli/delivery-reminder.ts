import { changedDeliveries } from '../app/ddas/changed-deliveries.js';
import { describePeriod } from '../core/report/period.js';
import type { Store } from '../store/store.js';
import { localDateTime } from '../terminal/dates.js';
import { colourFor, writeLine, type Io } from '../terminal/io.js';

/**
 * One line on stderr per delivered period that has changed since its delivery (a late result),
 * with the command that delivers it again. Called after `months`, `close` and `outcomes`.
 */
export async function remindChangedDeliveries(store: Store, io: Io): Promise<void> {
  const changed = await changedDeliveries(store);
  const colour = colourFor(io.stderr, io.env);
  for (const delivery of changed) {
    const { from, to } = delivery.period;
    writeLine(
      io.stderr,
      `${colour.yellow('let op:')} de landelijke levering over ${describePeriod(delivery.period)}, aangeleverd op ${localDateTime(delivery.deliveredAt)}, is sindsdien veranderd (later vastgelegde opvolging of resultaten); lever die periode opnieuw aan met: eropaf export ddas --from ${from} --to ${to} --gemeentecode ${delivery.gemeentecode} --out levering-${from}-${to}.json`,
    );
  }
}
