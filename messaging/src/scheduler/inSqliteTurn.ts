/**
 * Writers of schedulers in this process, per SQLite file. better-sqlite3 waits for a lock
 * synchronously, blocking the event loop, so one connection waiting for another in the same
 * process (two ORMs on one file) could never see it commit: they take turns here instead.
 * Processes wait for each other with SQLite's busy timeout as usual.
 */
const sqliteTurns = new Map<string, Promise<void>>();

/** Runs `work` after the writers before it on the same SQLite file (none: at once). */
export function inSqliteTurn<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (file === undefined) return work();
  const result = (sqliteTurns.get(file) ?? Promise.resolve()).then(work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  sqliteTurns.set(file, settled);
  void settled.then(() => {
    if (sqliteTurns.get(file) === settled) sqliteTurns.delete(file);
  });
  return result;
}
