// `eropaf ddas-api` must not load the web app's code (only `serve` does): every module the
// command loads (its action's static and dynamic imports, and their static imports in turn) is
// outside src/web. A dynamic import elsewhere runs only when its own code runs (`serve`'s).

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
// Relative imports of modules (`.js`); data files (the bundled schema's JSON) load no code.
const STATIC = /(?:from\s+|^import\s+)'(\.{1,2}\/[^']+\.js)'/gm;
const DYNAMIC = /import\s*\(\s*'(\.{1,2}\/[^']+\.js)'/g;

function imports(file: string, pattern: RegExp): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(pattern)].map((match) => resolve(file, match[1]!));
}

/** The source file a relative `.js` import names (TypeScript sources are .ts or .tsx). */
function resolve(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier).slice(0, -'.js'.length);
  const found = ['.ts', '.tsx'].map((ext) => base + ext).find((file) => fs.existsSync(file));
  if (found === undefined) throw new Error(`${specifier} from ${from}: no source file`);
  return found;
}

function reachable(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...imports(file, STATIC));
  }
  return seen;
}

describe('the DDAS API’s modules', () => {
  it('reach no web code', () => {
    const action = path.join(SRC, 'cli/actions/ddas-api.ts');
    const entries = [action, ...imports(action, DYNAMIC), ...fs.readdirSync(path.join(SRC, 'ddas-api')).map((f) => path.join(SRC, 'ddas-api', f))];
    const files = [...reachable(entries)].map((file) => path.relative(SRC, file));
    expect(files).toContain('ddas-api/app.ts');
    expect(files.filter((file) => file.startsWith(`web${path.sep}`))).toEqual([]);
  });
});
