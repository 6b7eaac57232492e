import { readFileSync } from 'node:fs';

/** eropaf's version, from its package.json (one directory above dist/ and src/), for every front end. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
