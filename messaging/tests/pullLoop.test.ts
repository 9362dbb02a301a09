import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { createPullLoop, PULL_EXPIRES_MS, PULL_OVERRUN_MS } from '../src/consumer/createPullLoop';
import type { ConsumerState } from '../src/consumer/consumerState';
import { createWakeup } from '../src/wakeup';
import { recordingLogger } from './support/recordingLogger';

/**
 * A pull the server never ends: it brings `messages`, then stays open until stopped, as a
 * NATS 2.9 pull does when a message went out at the instant of its expiry and no 408
 * followed. Real NATS cannot be made to do that on demand, so the source is played here.
 */
function silentPull(messages: JsMsg[]): ConsumerMessages {
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  return {
    getPending: () => 0,
    stop: () => stop(),
    async *[Symbol.asyncIterator]() {
      yield* messages;
      await stopped;
    },
  } as unknown as ConsumerMessages;
}

/** Answers the loop's consumer info requests: at once, unless a test holds them. */
type Info = () => Promise<unknown>;

function startLoop(pulls: ConsumerMessages[], info: Info = async () => ({})) {
  const fetches: number[] = [];
  const handled: JsMsg[][] = [];
  const logger = recordingLogger();
  const state: ConsumerState = { running: true, stopping: createWakeup() };
  const js = {
    consumers: {
      get: async () => ({
        info,
        fetch: async () => {
          fetches.push(Date.now());
          return pulls.shift() ?? silentPull([]);
        },
      }),
    },
  } as unknown as JetStreamClient;
  const loop = createPullLoop({
    js,
    stream: 'EVENTS',
    consumer: 'c',
    maxBatch: 20,
    handleMessages: async (msgs) => {
      handled.push(msgs);
      return true;
    },
    ensureDurable: async () => undefined,
    logger,
    state,
  });
  const running = loop.run();
  const stop = async () => {
    state.running = false;
    state.stopping.wake();
    loop.pullInProgress()?.stop();
    await running;
  };
  return { fetches, handled, logger, stop };
}

const msg = (seq: number) => ({ seq, nak: () => undefined }) as unknown as JsMsg;
const seqs = (batches: JsMsg[][]) =>
  batches.flat().map((m) => (m as unknown as { seq: number }).seq);

describe('the pull loop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ends a pull that brought messages once it outlives its expiry, and pulls again at once', async () => {
    const loop = startLoop([silentPull([msg(1), msg(2)])]);
    await jest.advanceTimersByTimeAsync(PULL_EXPIRES_MS);
    expect(loop.fetches).toHaveLength(1);
    expect(seqs(loop.handled)).toEqual([1, 2]);

    await jest.advanceTimersByTimeAsync(PULL_OVERRUN_MS);
    // The next pull went out without a pause, and nothing was taken as a failure.
    expect(loop.fetches).toHaveLength(2);
    expect(loop.fetches[1]! - loop.fetches[0]!).toBe(PULL_EXPIRES_MS + PULL_OVERRUN_MS);
    expect(loop.logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
    await loop.stop();
  });

  it('ends an overrun pull only once the server has answered a request sent after its overrun', async () => {
    let answer: () => void = () => undefined;
    const held = () => new Promise<unknown>((resolve) => (answer = () => resolve({})));
    const loop = startLoop([silentPull([msg(1)])], held);
    await jest.advanceTimersByTimeAsync(PULL_EXPIRES_MS + PULL_OVERRUN_MS + 100);
    // Messages the server sent before the pull expired may still be unread: it stays open.
    expect(loop.fetches).toHaveLength(1);
    answer();
    await jest.advanceTimersByTimeAsync(0);
    expect(loop.fetches).toHaveLength(2);
    expect(seqs(loop.handled)).toEqual([1]);
    await loop.stop();
  });

  it('ends an overrun pull when the request after it fails', async () => {
    const loop = startLoop([silentPull([msg(1)])], async () => {
      throw new Error('no responders');
    });
    await jest.advanceTimersByTimeAsync(PULL_EXPIRES_MS + PULL_OVERRUN_MS);
    expect(loop.fetches).toHaveLength(2);
    await loop.stop();
  });

  it('leaves a pull that brought nothing to the server and its heartbeats', async () => {
    const loop = startLoop([silentPull([])]);
    await jest.advanceTimersByTimeAsync(PULL_EXPIRES_MS + PULL_OVERRUN_MS);
    expect(loop.fetches).toHaveLength(1);
    await loop.stop();
  });
});
