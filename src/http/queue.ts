import type { MiddlewareHandler } from 'hono';

// The write queue of a server with one database connection (the web app's browsers, CBS on the
// DDAS API). A transaction spans awaits, so two requests must never interleave on it: requests
// are handled one after another, in arrival order. Each is short (a page reads one month, a POST
// records one thing; a list is imported by a thread of its own, see web/jobs.ts); SQLite's
// own lock orders this process against an import thread and the command line. Shared by src/web
// and src/ddas-api, so that neither loads the other's code.
//
// A request that waits on the network rather than the database (an upload arriving) steps out of
// the queue meanwhile with `offQueue`, and queues again before it goes on.

/** Runs `work` outside the queue: for waiting on the network, never for using the database. */
export type OffQueue = <T>(work: () => Promise<T>) => Promise<T>;

export interface QueueEnv {
  Variables: { offQueue: OffQueue };
}

export function serialised(): MiddlewareHandler<QueueEnv> {
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
