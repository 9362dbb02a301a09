import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE, lockDataDir, type LockHolder } from '../src/startup/lockDataDir';

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('lockDataDir', () => {
  let dataDir: string;
  const lockFile = () => path.join(dataDir, LOCK_FILE);
  const writeLock = (holder: Partial<LockHolder>) =>
    fs.writeFileSync(
      lockFile(),
      JSON.stringify({ hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', ...holder }),
    );

  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-lock-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is held by one process at a time, which the refusal names', () => {
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => lockDataDir(dataDir)).toThrow(
      expect.objectContaining({
        name: 'DataDirLockedError',
        code: 'DATA_DIR_LOCKED',
        message: expect.stringContaining(`in use by process ${process.pid} (`),
      }),
    );
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    lockDataDir(dataDir).release();
  });

  it('takes over the lock of a process that is gone', () => {
    writeLock({ pid: deadPid() });
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process', () => {
    writeLock({ pid: process.ppid, processStart: '1' });
    lockDataDir(dataDir).release();
  });

  it('takes over a lock file that cannot be read', () => {
    fs.writeFileSync(lockFile(), '');
    lockDataDir(dataDir).release();
  });

  it('leaves a lock it no longer holds in place', () => {
    const lock = lockDataDir(dataDir);
    writeLock({ pid: process.ppid });
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(true);
  });
});
