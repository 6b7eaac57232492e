import { readFileSync } from 'node:fs';
import { processIo, type Io } from '../terminal/io.js';
import { buildProgram } from './program.js';
import { EXIT, reportError } from './report-error.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    await buildProgram(io, packageVersion()).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io);
  }
}

process.exitCode = await main(process.argv.slice(2), processIo());
