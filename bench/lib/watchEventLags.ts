import {
  DEFAULT_NAMESPACE,
  type EventEnvelope,
  type NatsClients,
  subjectFor,
} from '../../messaging';

export interface EventLags {
  /**
   * Expects an event of the watched type with this correlation id, timed from `startedAt`.
   * With a `subject`, an event about that subject caused by a later write covers this one too:
   * a consumer applying a batch announces each subject once, for its last event.
   */
  expect(correlationId: string, startedAt: number, subject?: string): void;
  /** How many expected events have not arrived yet. */
  waiting(): number;
  /** Waits until every expected event has arrived, or `capMs` has passed. */
  settle(capMs: number): Promise<void>;
  /** The place among the events seen of the watched type of the one with this correlation id. */
  placeOf(correlationId: string): number | undefined;
  /**
   * Stops watching: the lags (ms, ascending), each with its expectation's start, and how many
   * expected events never came.
   */
  stop(): { lags: number[]; timed: TimedLag[]; missing: number };
}

/** A lag (ms) and the `startedAt` it was timed from. */
export interface TimedLag {
  startedAt: number;
  lag: number;
}

interface Expected {
  startedAt: number;
  subject?: string;
}

/** An event seen: its cause's correlation id and when it came (`performance.now()`). */
interface Arrival {
  correlationId: string;
  at: number;
}

/**
 * Times, per correlation id, from a mutation's start to the first event of `type` carrying
 * it, as seen on NATS by a plain subscription. Which write is later is told by `causes`, the
 * watch of the writes' own events when there is one (their order on the stream is the order
 * a consumer applies them in, whatever order the writes started in), else by the start.
 */
export function watchEventLags(nats: NatsClients, type: string, causes?: EventLags): EventLags {
  const expected = new Map<string, Expected>();
  // Every event seen, by correlation id (when it came, its place among those seen) and by
  // subject: one can come before its write's answer.
  const arrived = new Map<string, { at: number; place: number }>();
  const bySubject = new Map<string, Arrival[]>();
  const startOf = new Map<string, number>();
  const timed: TimedLag[] = [];
  const settled = (startedAt: number, at: number) => timed.push({ startedAt, lag: at - startedAt });

  /** Whether the write of `cause` comes after the write of `id` (or is it). */
  const covers = (cause: string, id: string, startedAt: number): boolean => {
    if (cause === id) return true;
    if (!causes) {
      const causeStart = startOf.get(cause);
      return causeStart !== undefined && causeStart >= startedAt;
    }
    const [at, mine] = [causes.placeOf(cause), causes.placeOf(id)];
    return at !== undefined && mine !== undefined && at >= mine;
  };

  /** When the first event that answers `id` came, if one has. */
  const answeredAt = (id: string, { startedAt, subject }: Expected): number | undefined => {
    const own = arrived.get(id)?.at;
    if (own !== undefined || subject === undefined) return own;
    return bySubject.get(subject)?.find((a) => covers(a.correlationId, id, startedAt))?.at;
  };

  /** Settles every expectation an event seen so far answers. */
  const sweep = () => {
    for (const [id, wanted] of expected) {
      const at = answeredAt(id, wanted);
      if (at === undefined) continue;
      expected.delete(id);
      settled(wanted.startedAt, at);
    }
  };

  const waiting = () => {
    sweep();
    return expected.size;
  };

  const subscription = nats.nc.subscribe(subjectFor(type, DEFAULT_NAMESPACE));
  void (async () => {
    for await (const msg of subscription) {
      const { correlationid, subject } = msg.json<EventEnvelope>();
      if (arrived.has(correlationid)) continue;
      const at = performance.now();
      arrived.set(correlationid, { at, place: arrived.size });
      const list = bySubject.get(subject ?? '') ?? [];
      list.push({ correlationId: correlationid, at });
      bySubject.set(subject ?? '', list);
      const own = expected.get(correlationid);
      if (own) {
        expected.delete(correlationid);
        settled(own.startedAt, at);
      }
      if (subject === undefined) continue;
      // Only the writes about this subject can be answered by it.
      for (const [id, wanted] of expected) {
        if (wanted.subject !== subject || !covers(correlationid, id, wanted.startedAt)) continue;
        expected.delete(id);
        settled(wanted.startedAt, at);
      }
    }
  })();
  return {
    expect(correlationId, startedAt, subject) {
      startOf.set(correlationId, startedAt);
      const wanted = subject === undefined ? { startedAt } : { startedAt, subject };
      const at = answeredAt(correlationId, wanted);
      if (at === undefined) expected.set(correlationId, wanted);
      else settled(startedAt, at);
    },
    waiting,
    placeOf: (correlationId) => arrived.get(correlationId)?.place,
    async settle(capMs) {
      const deadline = performance.now() + capMs;
      while (waiting() > 0 && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    },
    stop() {
      subscription.unsubscribe();
      sweep();
      const lags = timed.map((t) => t.lag).sort((a, b) => a - b);
      return { lags, timed, missing: expected.size };
    },
  };
}
