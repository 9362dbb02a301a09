import { Registry } from 'prom-client';
import { waitFor } from '../../test-support/waitFor';
import type { GatewayOptions } from '../src';
import { createSubgraphSwitch, type SubgraphSwitch } from './support/subgraphSwitch';
import { startFixture, type Fixture, type Mode } from './support/twoSubgraphs';

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const READ = '{ reviewCount }';
const BOTH = '{ users { name } reviewCount }';
const MUTATION = 'mutation { addReview(input: { body: "Lovely" }) { id } }';

/** The reviews subgraph behind a switch (in process, with its own readiness), users as it is. */
async function start(
  mode: Mode,
  options: Partial<GatewayOptions>,
  behaviour: SubgraphSwitch['behaviour'] = 'pass',
  reviewsReady?: () => Promise<boolean>,
) {
  const sw = createSubgraphSwitch(behaviour);
  // One caller's identical queries would share one run: here each must reach the subgraph.
  const fx = await startFixture(
    mode,
    { metricsRegistry: new Registry(), shareInflight: false, ...options },
    {
      async endpoints(endpoints) {
        const reviews = await sw.wrap(endpoints.reviews);
        if (reviewsReady && 'execute' in reviews) Object.assign(reviews, { ready: reviewsReady });
        return { ...endpoints, reviews };
      },
    },
  );
  const token = await fx.token('EMPLOYEE', 'u1');
  const ask = async (query: string) => {
    const response = await fx.post({ query }, { authorization: `Bearer ${token}` });
    return (await response.json()) as Answer;
  };
  const metrics = () => fetch(`${fx.base}/metrics`).then((r) => r.text());
  const stop = async () => {
    await sw.close();
    await fx.stop();
  };
  return { sw, fx, ask, metrics, stop };
}

/** The operations the reviews subgraph received, readiness probes left out. */
const calls = (sw: SubgraphSwitch) => sw.received.filter((q) => !q.includes('__typename')).length;

const unavailable = (reason?: string) => ({
  code: 'UNAVAILABLE',
  subgraph: 'reviews',
  ...(reason && { reason }),
});

describe('a subgraph behind its circuit breaker', () => {
  let run: Awaited<ReturnType<typeof start>>;
  afterEach(() => run.stop());

  it('opens after consecutive failures, then refuses at once without calling the subgraph', async () => {
    run = await start(
      'http',
      { subgraphPolicy: { breakerThreshold: 2, halfOpenAfterMs: 600_000, retries: 0 } },
      '503',
    );
    for (let i = 0; i < 2; i++) {
      expect((await run.ask(READ)).errors?.[0].extensions).toEqual(unavailable());
    }
    expect(calls(run.sw)).toBe(2);
    expect(await run.metrics()).toMatch(
      /gateway_subgraph_circuit_state\{subgraph="reviews",state="open"\} 1/,
    );

    for (let i = 0; i < 3; i++) {
      const answer = await run.ask(READ);
      expect(answer.errors).toEqual([
        {
          message: 'The reviews subgraph is unavailable; calls to it are paused.',
          path: ['reviewCount'],
          extensions: unavailable('CIRCUIT_OPEN'),
        },
      ]);
    }
    expect(calls(run.sw)).toBe(2);
    const text = await run.metrics();
    expect(text).toMatch(
      /gateway_subgraph_calls_refused_total\{subgraph="reviews",reason="circuit_open"\} 3/,
    );
    expect(text).toMatch(/gateway_subgraph_circuit_state\{subgraph="users",state="closed"\} 1/);
    expect((await run.ask('{ users { name } }')).data).toEqual({
      users: [{ name: 'Ada' }, { name: 'Grace' }],
    });
  });

  it('half-opens: one call tests the subgraph while the others are refused, and its success closes it', async () => {
    run = await start(
      'http',
      { subgraphPolicy: { breakerThreshold: 1, halfOpenAfterMs: 200, retries: 0 } },
      '503',
    );
    await run.ask(READ);
    expect(await run.metrics()).toMatch(/subgraph="reviews",state="open"\} 1/);

    // Back, but slow: the first call after the pause is let through and held there.
    run.sw.behaviour = 'hold';
    const refusedMeanwhile: Promise<Answer>[] = [];
    await waitFor(async () => {
      if (run.sw.held === 1) return true;
      refusedMeanwhile.push(run.ask(READ));
      return undefined;
    });
    const testCall = refusedMeanwhile.pop()!;
    expect(await run.metrics()).toMatch(/subgraph="reviews",state="half-open"\} 1/);
    const before = calls(run.sw);
    expect((await run.ask(READ)).errors?.[0].extensions).toEqual(unavailable('CIRCUIT_OPEN'));
    expect(calls(run.sw)).toBe(before);

    run.sw.behaviour = 'pass';
    run.sw.release();
    expect(await testCall).toEqual({ data: { reviewCount: 3 } });
    for (const answer of await Promise.all(refusedMeanwhile)) {
      expect(answer.errors?.[0].extensions).toEqual(unavailable('CIRCUIT_OPEN'));
    }
    expect(await run.metrics()).toMatch(/subgraph="reviews",state="closed"\} 1/);
    expect(await run.ask(READ)).toEqual({ data: { reviewCount: 3 } });
    expect(calls(run.sw)).toBe(before + 1);
  });
});

describe('retries', () => {
  let run: Awaited<ReturnType<typeof start>>;
  afterEach(() => run.stop());

  it('retries a read the subgraph answered 503, and never a mutation', async () => {
    run = await start('http', { subgraphPolicy: { retries: 2, breakerThreshold: 100 } }, '503');
    expect((await run.ask(READ)).errors?.[0].extensions).toEqual(unavailable());
    expect(calls(run.sw)).toBe(3);

    const mutation = await run.ask(MUTATION);
    expect(mutation.errors?.[0].extensions).toEqual(unavailable());
    expect(calls(run.sw)).toBe(4);
  });

  it('sends a read again when its kept-alive connection had been closed, a mutation not', async () => {
    run = await start('http', { subgraphPolicy: { retries: 2, breakerThreshold: 100 } });
    expect(await run.ask(READ)).toEqual({ data: { reviewCount: 3 } });
    run.sw.behaviour = 'reset-reused';
    expect(await run.ask(READ)).toEqual({ data: { reviewCount: 3 } });
    expect(calls(run.sw)).toBe(3);

    run.sw.behaviour = 'pass';
    await run.ask(READ);
    run.sw.behaviour = 'reset-reused';
    const mutation = await run.ask(MUTATION);
    expect(mutation.errors?.[0].extensions).toEqual(unavailable('UNREACHABLE'));
    expect(calls(run.sw)).toBe(5);
  });

  it('does not send a read again once the request may have reached the subgraph', async () => {
    run = await start('http', { subgraphPolicy: { retries: 2, breakerThreshold: 100 } }, 'reset');
    expect((await run.ask(READ)).errors?.[0].extensions).toEqual(unavailable('UNREACHABLE'));
    expect(calls(run.sw)).toBe(1);
  });
});

describe.each<Mode>(['in-process', 'http'])('%s subgraph: deadline and cap', (mode) => {
  let run: Awaited<ReturnType<typeof start>>;
  afterEach(() => run.stop());

  it('times out a call, answers the other fields, and opens the breaker after enough timeouts', async () => {
    run = await start(
      mode,
      { subgraphPolicy: { timeoutMs: 200, breakerThreshold: 2, halfOpenAfterMs: 600_000 } },
      'hold',
    );
    for (let i = 0; i < 2; i++) {
      expect(await run.ask(BOTH)).toEqual({
        data: { users: [{ name: 'Ada' }, { name: 'Grace' }], reviewCount: null },
        errors: [
          {
            message: 'The reviews subgraph did not answer within 200 ms.',
            path: ['reviewCount'],
            extensions: unavailable('TIMEOUT'),
          },
        ],
      });
    }
    expect(calls(run.sw)).toBe(2);
    const refused = await run.ask(BOTH);
    expect(refused.data).toEqual({
      users: [{ name: 'Ada' }, { name: 'Grace' }],
      reviewCount: null,
    });
    expect(refused.errors?.[0].extensions).toEqual(unavailable('CIRCUIT_OPEN'));
    expect(calls(run.sw)).toBe(2);
  });

  it('holds its concurrency cap: beyond the cap and the queue, calls are refused at once', async () => {
    run = await start(mode, { subgraphPolicy: { maxConcurrency: 2, queue: 1 } }, 'hold');
    const settled: Answer[] = [];
    const asks = Array.from({ length: 5 }, () =>
      run.ask(READ).then((answer) => {
        settled.push(answer);
        return answer;
      }),
    );
    await waitFor(async () => (run.sw.held === 2 && settled.length === 2 ? true : undefined));
    for (const answer of settled) {
      expect(answer.errors?.[0].extensions).toEqual(unavailable('AT_CAPACITY'));
    }
    expect(calls(run.sw)).toBe(2);

    run.sw.behaviour = 'pass';
    run.sw.release();
    const answers = await Promise.all(asks);
    expect(answers.filter((a) => a.data?.reviewCount === 3)).toHaveLength(3);
    expect(calls(run.sw)).toBe(3);
    expect(await run.metrics()).toMatch(
      /gateway_subgraph_calls_refused_total\{subgraph="reviews",reason="at_capacity"\} 2/,
    );
  });
});

describe('readiness', () => {
  let run: Awaited<ReturnType<typeof start>>;
  afterEach(() => run.stop());

  const ready = async (fx: Fixture) => {
    const response = await fetch(`${fx.base}/health/ready`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('names an unreachable subgraph and is not ready while it is down', async () => {
    run = await start('http', { readiness: { cacheMs: 0 } });
    expect(await ready(run.fx)).toMatchObject({ status: 200, body: { unreachable: [] } });

    run.sw.behaviour = '503';
    expect(await ready(run.fx)).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        unreachable: ['reviews'],
        subgraphs: {
          users: { reachable: true, circuit: 'closed', required: true },
          reviews: { reachable: false, circuit: 'closed', required: true },
        },
      },
    });

    run.sw.behaviour = 'pass';
    expect(await ready(run.fx)).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('stays ready while a subgraph it does not require is down', async () => {
    run = await start('http', { readiness: { required: ['users'], cacheMs: 0 } }, '503');
    expect(await ready(run.fx)).toMatchObject({
      status: 200,
      body: {
        status: 'ready',
        unreachable: [],
        subgraphs: { reviews: { reachable: false, required: false } },
      },
    });
  });

  it('counts a subgraph that refuses the tokenless probe as reachable: it answered', async () => {
    run = await start('http', { readiness: { cacheMs: 0 } }, '401');
    expect(await ready(run.fx)).toMatchObject({ status: 200, body: { unreachable: [] } });
    expect(run.sw.received).toEqual(['{ __typename }']);
  });

  it('answers polls from one round of probes while it is fresh', async () => {
    run = await start('http', { readiness: { cacheMs: 600_000 } });
    await ready(run.fx);
    const probes = run.sw.received.length;
    expect(probes).toBe(1);
    await Promise.all([ready(run.fx), ready(run.fx), ready(run.fx)]);
    expect(run.sw.received.length).toBe(probes);
  });

  it("counts an in-process subgraph's own readiness", async () => {
    run = await start('in-process', { readiness: { cacheMs: 0 } }, 'pass', async () => false);
    expect(await ready(run.fx)).toMatchObject({ status: 503, body: { unreachable: ['reviews'] } });
  });
});
