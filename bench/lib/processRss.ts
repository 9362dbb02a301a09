import fs from 'node:fs';

/**
 * A process's resident memory in bytes, from Linux's /proc/<pid>/status: `VmRSS` now, or
 * `VmHWM`, the most it has held since it started. 0 once the process has gone.
 */
export function processRss(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}
