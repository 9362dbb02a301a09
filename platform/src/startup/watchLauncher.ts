import { environmentOf, parentOf } from './processInfo';

export interface WatchLauncherOptions {
  /** How often to look, in milliseconds (default 1 s). */
  intervalMs?: number;
}

/**
 * The processes that launched this one, nearest first: the parent, and under npm every
 * process of the same script run (a shell, tsx) up to npm itself. They carry npm's
 * `npm_lifecycle_script` as this process does; npm is the first that does not.
 */
function launchChain(): number[] {
  const chain = [process.ppid];
  const script = process.env.npm_lifecycle_script;
  if (!script) return chain;
  for (let pid = process.ppid; chain.length < 10;) {
    if (environmentOf(pid, 'npm_lifecycle_script') !== script) break;
    const parent = parentOf(pid);
    if (!parent || parent <= 1) break;
    chain.push(parent);
    pid = parent;
  }
  return chain;
}

/** Whether every process of the chain still has the parent it had. */
function intact(chain: number[]): boolean {
  if (process.ppid !== chain[0]) return false;
  return chain.every((pid, i) => i === chain.length - 1 || parentOf(pid) === chain[i + 1]);
}

/**
 * Calls `onGone` once the process that launched this one is gone without its signal
 * reaching here (npm killed with SIGKILL, or npm not passing a signal on): when a process
 * of the launch chain dies, its children are given to another parent, and the chain
 * breaks. Returns a function that stops watching.
 */
export function watchLauncher(onGone: () => void, options: WatchLauncherOptions = {}): () => void {
  const chain = launchChain();
  const timer = setInterval(() => {
    if (intact(chain)) return;
    clearInterval(timer);
    onGone();
  }, options.intervalMs ?? 1000);
  // Watching must not keep the process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
