import v8 from 'node:v8';

/**
 * Bounds how far V8 lets the heap grow past what its last full collection kept: the next
 * one comes when the heap reaches (1 + percent / 100) times that. Left to itself, V8 grows
 * the limit up to fourfold while garbage comes fast, so a process delivering a thousand
 * subscription payloads a second held 530 MiB of heap for 200 MiB of live data. A bound costs
 * more frequent collections, each a pause (docs/operations.md, "Memory"). Read by V8 at each
 * collection, so setting it after start works; 0 leaves V8's own choice.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.floor(percent)}`);
}
