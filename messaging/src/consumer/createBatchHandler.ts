import type { JsMsg } from '@nats-io/jetstream';
import { errorMessage } from '../errors';
import type { OutboxRelay } from '../outboxRelay';
import type { EventEnvelope } from '../types';
import type { EventApplier, Outcome } from './createEventApplier';
import type { MessageSettler } from './createMessageSettler';

/** Options of {@link createBatchHandler}. */
export interface BatchHandlerOptions {
  applier: EventApplier;
  settler: MessageSettler;
  /** How long the server waits for an ack; a slow batch says it is working at half of it. */
  ackWaitMs: number;
  /** Woken after a transaction that emitted follow-up events, so they leave at once. */
  relay?: Pick<OutboxRelay, 'notify'>;
}

/** A valid event of the handler's types, with the message that brought it. */
interface Pending {
  msg: JsMsg;
  event: EventEnvelope;
}

/** An event to apply, or whether the ack of a message settled on arrival was confirmed. */
type Accepted = Pending | { settled: boolean };

/**
 * Handles the messages that have arrived together: one transaction for their events, acks
 * after the commit. Resolves false when an ack was not confirmed (connection trouble).
 */
export type BatchHandler = (msgs: JsMsg[]) => Promise<boolean>;

export function createBatchHandler(options: BatchHandlerOptions): BatchHandler {
  const { applier, settler, ackWaitMs } = options;

  /**
   * Acks, unread, the messages of types the handler does not list: they are for the consumers
   * that handle them to judge, and a lost ack only brings one back to be skipped again. The
   * acks go in one pass, so they leave in one socket write: a handler whose filter is the
   * whole stream (NATS 2.9 has one filter subject per consumer) sees every event.
   */
  function ackUnlisted(msgs: JsMsg[]): JsMsg[] {
    const listed: JsMsg[] = [];
    for (const msg of msgs) {
      if (applier.handles(msg.subject)) listed.push(msg);
      else msg.ack();
    }
    return listed;
  }

  /** Reads a listed message; dead-letters it when invalid. */
  async function accept(msg: JsMsg): Promise<Accepted> {
    try {
      return { msg, event: applier.read(msg.string(), msg.subject) };
    } catch (error) {
      return { settled: await settler.giveUp(msg, 'EVENT_INVALID', errorMessage(error)) };
    }
  }

  /** A slow transaction keeps its messages from being redelivered to another replica meanwhile. */
  async function withKeepAlive<T>(batch: Pending[], work: () => Promise<T>): Promise<T> {
    const keepAlive = setInterval(
      () => batch.forEach((item) => settler.keepAlive(item.msg)),
      Math.max(500, ackWaitMs / 2),
    );
    try {
      return await work();
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Applies a batch, then settles each message by its event's outcome. */
  async function handleBatch(batch: Pending[]): Promise<boolean> {
    let outcomes: Outcome[];
    try {
      outcomes = await withKeepAlive(batch, () => applier.apply(batch.map((item) => item.event)));
    } catch (error) {
      // The commit itself failed: nothing of the batch was applied.
      outcomes = batch.map(() => ({ error }));
    }
    if (outcomes.some((outcome) => 'emitted' in outcome && outcome.emitted > 0)) {
      options.relay?.notify();
    }
    // One client's acks reach the server in order: the answer to the last applied one vouches
    // for those before it, and saves a round trip per message. A lost ack only brings a
    // message back, to find its inbox row.
    const lastApplied = outcomes.findLastIndex((outcome) => !('error' in outcome));
    const settled = await Promise.all(
      batch.map(({ msg, event }, index) =>
        settler.settle(msg, event, outcomes[index], index === lastApplied),
      ),
    );
    return settled.every(Boolean);
  }

  return async (msgs) => {
    let healthy = true;
    const batch: Pending[] = [];
    for (const msg of ackUnlisted(msgs)) {
      const accepted = await accept(msg);
      if ('settled' in accepted) healthy = accepted.settled && healthy;
      else batch.push(accepted);
    }
    return batch.length > 0 ? (await handleBatch(batch)) && healthy : healthy;
  };
}
