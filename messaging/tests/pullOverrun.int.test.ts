import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { connectNats, eventsStream, subjectFor, type EventHandlerDefinition } from '..';
import { PULL_EXPIRES_MS, PULL_OVERRUN_MS } from '../src/consumer/createPullLoop';
import { suiteDb } from './support/database';
import { NATS_URL, suiteNats } from './support/nats';
import { testCatalogue, thingEvent } from './support/things';
import { waitForAll } from './support/waitFor';
import { testConsumer } from './support/workers';

/** A pull request of the consumer, as another connection saw it, and what the server sent it. */
interface SeenPull {
  inbox: string;
  /** The event numbers the server delivered to this pull. */
  delivered: number[];
}

const FOLLOWERS = 5;
const ATTEMPTS = 10;

/**
 * Watches, on a connection of its own, every pull request of `consumer` and every event the
 * server delivers to each: what the consumer's own connection reads is not the question.
 */
function watchPulls(watcher: NatsConnection, stream: string, consumer: string) {
  const pulls: SeenPull[] = [];
  let onPull: (() => void) | undefined;
  watcher.subscribe(`$JS.API.CONSUMER.MSG.NEXT.${stream}.${consumer}`, {
    callback: (_error, request: Msg) => {
      const pull: SeenPull = { inbox: request.reply ?? '', delivered: [] };
      pulls.push(pull);
      watcher.subscribe(pull.inbox, {
        callback: (_e, msg) => {
          // Status messages (heartbeats, the expiry's 408) carry no event.
          if (msg.data.length > 0)
            pull.delivered.push((msg.json() as { data: { n: number } }).data.n);
        },
      });
      onPull?.();
    },
  });
  return {
    pulls,
    /** Calls `act` as soon as the next pull request is seen, so it lands early in that pull. */
    onNextPull(act: () => void) {
      onPull = () => {
        onPull = undefined;
        act();
      };
    },
  };
}

/** Keeps the process busy for `ms` running only promise callbacks: no timer fires, no socket is read. */
async function busyFor(ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) await Promise.resolve();
}

describe('a pull that outlives its expiry while the process is busy', () => {
  const nats = suiteNats('pull-overrun');
  const database = suiteDb('pulloverrun');
  const catalogue = testCatalogue();

  it('keeps the events the server sent it before it expired: each delivered once, none left for ack_wait', async () => {
    const stream = eventsStream(nats.ns);
    const subject = subjectFor('test.thing.created', nats.ns);
    const publish = (n: number) =>
      nats.nc.publish(subject, JSON.stringify(thingEvent('created', n)));
    const applied: number[] = [];
    // An event whose n is a multiple of 100 starts an attempt: it sends FOLLOWERS events at
    // once, then keeps the process busy past its pull's expiry and overrun, while the server
    // delivers them to that pull.
    const handler: EventHandlerDefinition = {
      name: 'overrun',
      types: ['test.thing.created'],
      async handle(event) {
        const n = event.data.n as number;
        if (n % 100 === 0 && !applied.includes(n)) {
          for (let k = 1; k <= FOLLOWERS; k++) publish(n + k);
          await busyFor(PULL_EXPIRES_MS + PULL_OVERRUN_MS + 300);
        }
        applied.push(n);
      },
    };
    const consumer = testConsumer(database, nats, {
      handler,
      catalogue,
      // Anything the consumer did not read would come back only after ten minutes.
      ackWaitMs: 600_000,
    });
    const watcher = await connectNats({ servers: NATS_URL, name: 'pull-watcher' });
    const seen = watchPulls(watcher.nc, stream, consumer.name);
    await watcher.nc.flush();
    await consumer.start();
    try {
      let published = 0;
      let exercised = false;
      // On a busy machine the followers may miss the trigger's pull; then they prove nothing,
      // and the attempt is made again.
      for (let attempt = 1; attempt <= ATTEMPTS && !exercised; attempt++) {
        const trigger = attempt * 100;
        seen.onNextPull(() => publish(trigger));
        published += 1 + FOLLOWERS;
        await waitForAll(`attempt ${attempt}'s events`, () => applied.length, published);
        const pull = seen.pulls.find((p) => p.delivered.includes(trigger));
        exercised = (pull?.delivered.length ?? 0) > 1;
      }
      expect(exercised).toBe(true);
      expect(new Set(applied).size).toBe(applied.length);
      // One delivery per event: none was sent to a pull the consumer had already let go.
      const info = await nats.jsm.consumers.info(stream, consumer.name);
      expect(info.delivered.consumer_seq).toBe(published);
      expect(info.num_redelivered).toBe(0);
    } finally {
      await consumer.stop();
      await watcher.nc.close();
    }
  }, 180_000);
});
