#!/usr/bin/env node
// Thin launcher: the program itself is compiled TypeScript in dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/process-entry.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('eropaf is nog niet gebouwd. Voer eerst "npm install" (of "npm run build") uit in de map van eropaf.\n');
  process.exit(3);
}
await import(entry.href);
