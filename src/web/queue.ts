import type { MiddlewareHandler } from 'hono';

// One database connection serves every browser. A transaction spans awaits, so two requests
// must never interleave on it: requests are handled one after another, in arrival order. Each is
// short (pages read one month, a POST records one thing); SQLite's own lock orders this process
// against the command line.

export function serialised(): MiddlewareHandler {
  let last: Promise<unknown> = Promise.resolve();
  return async (_c, next) => {
    const turn = last.then(() => next());
    last = turn.catch(() => undefined);
    await turn;
  };
}
