import type { MiddlewareHandler } from 'hono';
import type { WebEnv } from './env.js';

// The server's write queue. One database connection serves every browser, and a transaction
// spans awaits, so two requests must never interleave on it: requests are handled one after
// another, in arrival order. Each is short (pages read one month, a POST records one thing; a
// list is imported by a thread of its own, see jobs.ts); SQLite's own lock orders this
// process against the import thread and the command line.
//
// A request that waits on the network rather than the database (an upload arriving) steps out of
// the queue meanwhile with `offQueue`, and queues again before it goes on.

export function serialised(): MiddlewareHandler<WebEnv> {
  let last: Promise<void> = Promise.resolve();
  /** Waits for this request's turn; the function returned ends it. */
  const nextTurn = async (): Promise<() => void> => {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = last;
    last = before.then(() => mine);
    await before;
    return release;
  };
  return async (c, next) => {
    let release = await nextTurn();
    c.set('offQueue', async (work) => {
      release();
      try {
        return await work();
      } finally {
        release = await nextTurn();
      }
    });
    try {
      await next();
    } finally {
      release();
    }
  };
}
