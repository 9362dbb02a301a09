import type { ConsumerInfo, JetStreamManager } from '@nats-io/jetstream';

export interface CatchUpTarget {
  stream: string;
  /** The stream's last sequence when the load ended. */
  lastSequence: number;
  /** `performance.now()` the times are counted from. */
  since: number;
  /** Whether a durable may count as caught up yet (e.g. not before the producer published all). */
  ready: () => boolean;
  capMs: number;
  pollMs: number;
}

/** Milliseconds after `since`; undefined when not reached within the cap. */
export interface CatchUp {
  /** Nothing pending and nothing awaiting ack. */
  idle?: number;
  /** Idle, and its delivered stream sequence at or past `lastSequence`. */
  delivered?: number;
}

const idle = (info: ConsumerInfo) => info.num_pending + info.num_ack_pending === 0;

/**
 * For each durable, how long after `since` it was first idle, and first idle with its
 * delivered stream sequence at or past `lastSequence`. The second can come later for a
 * durable that filters out the stream's last events: the server moves its delivered
 * sequence past them only when the durable next pulls. All are polled at once each round,
 * so each time is the durable's own, not its place in the list.
 */
export async function durableCatchUp(
  jsm: JetStreamManager,
  names: string[],
  target: CatchUpTarget,
): Promise<Map<string, CatchUp>> {
  const times = new Map<string, CatchUp>(names.map((name) => [name, {}]));
  const deadline = target.since + target.capMs;
  const waiting = () => names.filter((name) => times.get(name)!.delivered === undefined);
  while (waiting().length > 0 && performance.now() < deadline) {
    if (target.ready()) {
      const infos = await Promise.all(waiting().map((n) => jsm.consumers.info(target.stream, n)));
      const now = performance.now() - target.since;
      for (const info of infos.filter(idle)) {
        const time = times.get(info.name)!;
        time.idle ??= now;
        if (info.delivered.stream_seq >= target.lastSequence) time.delivered = now;
      }
    }
    await new Promise((r) => setTimeout(r, target.pollMs));
  }
  return times;
}
