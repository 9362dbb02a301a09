import fs from 'node:fs';

/*
 * What Linux's /proc says about a process. Elsewhere every function answers undefined and
 * callers fall back to what Node itself knows (process.ppid, process.kill(pid, 0)).
 */

/** Fields of /proc/<pid>/stat after the command name, which may hold spaces and parentheses. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** The parent of a process. */
export function parentOf(pid: number): number | undefined {
  const ppid = Number(statFields(pid)?.[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** When a process started, in clock ticks since boot: with the pid, it names one process for good. */
export function startTimeOf(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/** A process's command line, for messages. */
export function commandOf(pid: number): string | undefined {
  try {
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return command || undefined;
  } catch {
    return undefined;
  }
}

/** One variable of a process's environment (readable for the same user's processes). */
export function environmentOf(pid: number, name: string): string | undefined {
  try {
    const entries = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    const entry = entries.find((line) => line.startsWith(`${name}=`));
    return entry?.slice(name.length + 1);
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid exists (it may belong to another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pids /proc lists (none elsewhere). */
function allPids(): number[] {
  try {
    return fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } catch {
    return [];
  }
}

/** The processes below `pid` that still run, found through /proc. */
export function descendantsOf(pid: number): number[] {
  const parents = allPids().map((entry) => [entry, parentOf(entry)] as const);
  const found: number[] = [];
  for (let frontier = [pid]; frontier.length > 0;) {
    frontier = parents.filter(([, parent]) => frontier.includes(parent!)).map(([child]) => child);
    found.push(...frontier);
  }
  return found;
}

/** All-in-one's second processes (subgraphProcessMain) running on `dataDir`, however orphaned. */
export function secondProcessesOf(dataDir: string): number[] {
  return allPids().filter(
    (pid) =>
      commandOf(pid)?.includes('subgraphProcessMain') && environmentOf(pid, 'DATA_DIR') === dataDir,
  );
}
