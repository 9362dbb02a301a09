import { descendantsOf } from '../../platform/src/startup/processInfo';
import { processCpuSeconds } from './processCpuSeconds';

/** CPU seconds so far of a process (`main`) and of the processes below it (`children`), by pid. */
export interface TreeCpu {
  main: number;
  children: Map<number, number>;
}

/**
 * CPU time of a process and of each process below it (all-in-one's second process), read
 * apart so a report can show each one's share.
 */
export function processTreeCpuSeconds(pid: number): TreeCpu {
  const children = new Map(descendantsOf(pid).map((child) => [child, processCpuSeconds(child)]));
  return { main: processCpuSeconds(pid), children };
}

/**
 * CPU seconds used between two readings: by the main process, and by the processes below
 * it (one that started in between counts from zero; one that ended is not counted).
 */
export function cpuBetween(before: TreeCpu, after: TreeCpu): { main: number; children: number } {
  let children = 0;
  for (const [pid, seconds] of after.children)
    children += seconds - (before.children.get(pid) ?? 0);
  return { main: after.main - before.main, children };
}
