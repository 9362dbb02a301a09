import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandOf, isRunning, startTimeOf } from './processInfo';

/** The file that says which process uses a DATA_DIR. */
export const LOCK_FILE = 'hr-platform.lock';

/** Who holds a DATA_DIR, as its lock file says. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** /proc's start time of the process, so a reused pid is not taken for the holder. */
  processStart?: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    /** Undefined when another process was taking the lock at the same moment. */
    readonly holder: LockHolder | undefined,
  ) {
    super(`DATA_DIR ${dataDir} is in use by ${describe(holder)}: stop it or set another DATA_DIR.`);
  }
}

function describe(holder: LockHolder | undefined): string {
  if (!holder) return 'another process starting at the same time';
  const here = holder.hostname === os.hostname();
  const command = here ? commandOf(holder.pid) : undefined;
  return (
    `process ${holder.pid}${here ? '' : ` on ${holder.hostname}`}` +
    `${command ? ` (${command})` : ''}, since ${holder.startedAt}`
  );
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still this process's; safe to call more than once. */
  release(): void;
}

const readHolder = (file: string): LockHolder | undefined => {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
};

function holderIsAlive(holder: LockHolder): boolean {
  // A process on another host cannot be checked from here: it is taken to be alive.
  if (holder.hostname !== os.hostname()) return true;
  if (!isRunning(holder.pid)) return false;
  const start = startTimeOf(holder.pid);
  return !holder.processStart || !start || start === holder.processStart;
}

/** Creates the lock file with its whole content at once, or answers false if it exists. */
function tryCreate(file: string, holder: LockHolder): boolean {
  const draft = `${file}.${process.pid}.draft`;
  fs.writeFileSync(draft, JSON.stringify(holder));
  try {
    fs.linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/**
 * Removes a dead holder's lock. It is moved aside first, so that of two processes taking
 * over the same stale lock only one removes it; should a live holder's lock have been
 * moved instead, it is put back.
 */
function removeStale(file: string, stale: LockHolder | undefined): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && (!stale || moved.pid !== stale.pid || moved.startedAt !== stale.startedAt)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Yet another process holds it now: it is theirs.
    }
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Takes DATA_DIR for this process: one platform at a time may use its SQLite files and
 * NATS store. The lock file names the holder; a lock left by a process that is gone is
 * taken over. Throws DataDirLockedError naming the live holder.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    processStart: startTimeOf(process.pid),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, mine)) {
      return {
        file,
        release() {
          const holder = readHolder(file);
          if (holder?.pid === mine.pid && holder.startedAt === mine.startedAt) fs.rmSync(file);
        },
      };
    }
    const holder = readHolder(file);
    if (holder && holderIsAlive(holder)) throw new DataDirLockedError(dataDir, holder);
    removeStale(file, holder);
  }
  throw new DataDirLockedError(dataDir, readHolder(file));
}
