import type { EventEnvelope } from '../..';
import type { Outcome } from '../../src/consumer/createEventApplier';

interface Applier {
  apply(events: EventEnvelope[]): Promise<Outcome[]>;
}

/**
 * Applies `delivered` with `single` one event at a time, and with `inBatches` cut into batches
 * of `sizes` (taken in turn); the outcomes of each, for a test to hold equal.
 */
export async function applyBothWays(
  single: Applier,
  inBatches: Applier,
  delivered: EventEnvelope[],
  sizes: number[],
): Promise<{ oneByOne: Outcome[]; batched: Outcome[] }> {
  const oneByOne: Outcome[] = [];
  for (const event of delivered) oneByOne.push(...(await single.apply([event])));
  const batched: Outcome[] = [];
  for (let at = 0, i = 0; at < delivered.length; i++) {
    const size = sizes[i % sizes.length]!;
    batched.push(...(await inBatches.apply(delivered.slice(at, at + size))));
    at += size;
  }
  return { oneByOne, batched };
}
