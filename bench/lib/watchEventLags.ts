import {
  DEFAULT_NAMESPACE,
  type EventEnvelope,
  type NatsClients,
  subjectFor,
} from '../../messaging';

export interface EventLags {
  /**
   * Expects an event of the watched type with this correlation id, timed from `startedAt`.
   * With a `subject`, an event about that subject caused by a write started later covers this
   * one too: a consumer applying a batch announces each subject once, for its last event.
   */
  expect(correlationId: string, startedAt: number, subject?: string): void;
  /** How many expected events have not arrived yet. */
  waiting(): number;
  /** Waits until every expected event has arrived, or `capMs` has passed. */
  settle(capMs: number): Promise<void>;
  /** Stops watching: the lags (ms, ascending) and how many expected events never came. */
  stop(): { lags: number[]; missing: number };
}

/**
 * Times, per correlation id, from a mutation's start to the first event of `type` carrying
 * it, as seen on NATS by a plain subscription.
 */
export function watchEventLags(nats: NatsClients, type: string): EventLags {
  const expected = new Map<string, { startedAt: number; subject?: string }>();
  // An event can arrive before its mutation's answer does.
  const early = new Map<string, number>();
  const lags: number[] = [];
  const subscription = nats.nc.subscribe(subjectFor(type, DEFAULT_NAMESPACE));
  void (async () => {
    for await (const msg of subscription) {
      const { correlationid, subject } = msg.json<EventEnvelope>();
      const cause = expected.get(correlationid);
      if (cause === undefined) {
        if (!early.has(correlationid)) early.set(correlationid, performance.now());
        continue;
      }
      const now = performance.now();
      for (const [id, { startedAt, subject: about }] of expected) {
        if (id !== correlationid && (about !== subject || startedAt > cause.startedAt)) continue;
        expected.delete(id);
        lags.push(now - startedAt);
      }
    }
  })();
  return {
    expect(correlationId, startedAt, subject) {
      const arrived = early.get(correlationId);
      if (arrived === undefined) expected.set(correlationId, { startedAt, subject });
      else {
        early.delete(correlationId);
        lags.push(arrived - startedAt);
      }
    },
    waiting: () => expected.size,
    async settle(capMs) {
      const deadline = performance.now() + capMs;
      while (expected.size > 0 && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    },
    stop() {
      subscription.unsubscribe();
      return { lags: [...lags].sort((a, b) => a - b), missing: expected.size };
    },
  };
}
