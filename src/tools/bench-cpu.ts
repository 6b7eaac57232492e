// CPU time of the bench's child processes (eropaf and the sqlite3 shell), from the kernel's
// account of waited-for children in /proc/self/stat. On a machine shared with other work the wall
// time of a step varies with the load; the CPU time it used varies much less, so the bench shows
// both. Linux only: elsewhere there is no CPU column.

import fs from 'node:fs';

/** /proc reports times in USER_HZ, which is 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * User plus system CPU seconds of the process's waited-for children, from the text of
 * /proc/<pid>/stat (fields 16 and 17, cutime and cstime); null when the text is not that.
 */
export function childCpuSeconds(stat: string): number | null {
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const end = stat.lastIndexOf(')');
  if (end < 0) return null;
  const fields = stat.slice(end + 2).trim().split(/\s+/);
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  if (!Number.isInteger(cutime) || !Number.isInteger(cstime)) return null;
  return (cutime + cstime) / TICKS_PER_SECOND;
}

/** The CPU seconds used so far by this process's finished children; null off Linux. */
export function childrenCpuSoFar(): number | null {
  try {
    return childCpuSeconds(fs.readFileSync('/proc/self/stat', 'utf8'));
  } catch {
    return null;
  }
}
