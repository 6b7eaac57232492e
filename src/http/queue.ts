import type { MiddlewareHandler } from 'hono';

// One database connection serves every caller (the web app's browsers, CBS on the DDAS API). A
// transaction spans awaits, so two requests must never interleave on it: requests are handled one
// after another, in arrival order. Each is short (a page reads one month, a POST records one
// thing); SQLite's own lock orders this process against the command line. Shared by src/web and
// src/ddas-api, so that neither loads the other's code.

export function serialised(): MiddlewareHandler {
  let last: Promise<unknown> = Promise.resolve();
  return async (_c, next) => {
    const turn = last.then(() => next());
    last = turn.catch(() => undefined);
    await turn;
  };
}
