import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | undefined;

/**
 * CPU time a process has used so far, user and system, in seconds (all its threads; not its
 * children), from Linux's /proc/<pid>/stat.
 */
export function processCpuSeconds(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the file, utime and stime; fields[0] is field 3.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / ticksPerSecond;
}
