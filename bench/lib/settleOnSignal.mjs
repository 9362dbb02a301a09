// Preloaded into a benchmarked platform (node --expose-gc --import): on SIGUSR2 it
// collects garbage fully and writes what the process then holds to SETTLE_FILE, so a
// benchmark can tell live memory from garbage not yet collected. With SNAPSHOT_DIR set,
// the second signal (once the first phase's subscriptions are live) also writes a heap
// snapshot there.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import v8 from 'node:v8';

let signals = 0;
process.on('SIGUSR2', () => {
  globalThis.gc();
  globalThis.gc();
  const dir = process.env.SNAPSHOT_DIR;
  if (dir && ++signals === 2) {
    v8.writeHeapSnapshot(path.join(dir, `platform-${process.pid}.heapsnapshot`));
  }
  const file = process.env.SETTLE_FILE;
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
  fs.renameSync(`${file}.tmp`, file);
});
