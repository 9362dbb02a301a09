/** Messages whose first failure is remembered; beyond, the oldest is forgotten. */
const MAX_REMEMBERED_FAILURES = 10_000;

/** When this replica first saw each message fail, by stream sequence. */
export interface FirstFailures {
  /** Notes now as the message's first failure, unless one is noted already. */
  remember(seq: number): void;
  /** The first failure noted, forgetting it. */
  take(seq: number): Date | undefined;
  /** Forgets the message's failure; reads its sequence only when any failure is noted. */
  forget(msg: { readonly seq: number }): void;
}

export function createFirstFailures(): FirstFailures {
  const firstFailures = new Map<number, Date>();
  return {
    remember(seq) {
      if (firstFailures.has(seq)) return;
      if (firstFailures.size >= MAX_REMEMBERED_FAILURES) {
        firstFailures.delete(firstFailures.keys().next().value as number);
      }
      firstFailures.set(seq, new Date());
    },
    take(seq) {
      const first = firstFailures.get(seq);
      firstFailures.delete(seq);
      return first;
    },
    forget(msg) {
      // A message's sequence is parsed from its reply subject: not worth it for every ack.
      if (firstFailures.size > 0) firstFailures.delete(msg.seq);
    },
  };
}
