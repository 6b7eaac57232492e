// `npm run demo`: the monthly job on the bundled synthetic lists, in a temporary database, with
// the real binary, so that what it prints is exactly what a user sees.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'eropaf.js');
const lists = path.join(root, 'fixtures', 'lijsten');

function eropaf(args: string[], env: NodeJS.ProcessEnv): void {
  process.stdout.write(`\n$ eropaf ${args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}\n`);
  const result = spawnSync(process.execPath, [bin, ...args], { env, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`demo gestopt: eropaf ${args[0]} eindigde met code ${result.status}\n`);
    process.exit(result.status ?? 1);
  }
}

const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-demo-'));
const env = { ...process.env, EROPAF_DB: path.join(workdir, 'demo.db') };
try {
  process.stdout.write(`Demo met de voorbeeldlijsten in ${path.relative(process.cwd(), lists) || lists}; tijdelijke database in ${workdir}\n`);
  for (const file of fs.readdirSync(lists).filter((f) => f.endsWith('.csv')).sort()) {
    eropaf(['import', path.join(lists, file)], env);
  }
  eropaf(['import', path.join(lists, 'vroegeropaf-2022-03.csv')], env);
} finally {
  fs.rmSync(workdir, { recursive: true, force: true });
}
