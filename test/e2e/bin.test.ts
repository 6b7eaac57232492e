// The bin/ entry itself, as a process: the other e2e tests call main() in-process, so this is
// where the real process's streams and exit code are checked (bin/eropaf.js -> process-entry).

import { describe, expect, it } from 'vitest';
import { workspace } from './helpers.js';

const ws = workspace('eropaf-e2e-bin-');

describe('bin/eropaf.js', () => {
  it('shows the help on stdout and exits 0', () => {
    const result = ws.spawn(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Gebruik: eropaf \[opties\] <opdracht>/);
    expect(result.stderr).toBe('');
  });

  it('ends a usage error with exit code 2 and the message on stderr', () => {
    const result = ws.spawn(['opdracht-die-niet-bestaat']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("fout: onbekende opdracht 'opdracht-die-niet-bestaat'");
    expect(ws.listing()).toEqual([]);
  });

  it('ends an environment error with exit code 3: a report from a database that does not exist', () => {
    const result = ws.spawn(['months']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`De database ${ws.db} bestaat niet.`);
  });
});
