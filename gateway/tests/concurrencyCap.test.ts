import { createConcurrencyCap } from '../src';
import { startFixture, type Fixture } from './support/twoSubgraphs';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('per-identity concurrency cap', () => {
  let fx: Fixture;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    // Identical queries of one caller would share one run: here each must take a slot.
    fx = await startFixture('in-process', {
      concurrency: { maxPerIdentity: 2, queuePerIdentity: 1, retryAfterSeconds: 3 },
      shareInflight: false,
    });
    alice = await fx.token('EMPLOYEE', 'u1');
    bob = await fx.token('EMPLOYEE', 'u2');
  });
  afterAll(() => fx.stop());

  const send = (token: string, query = '{ held }') =>
    fx.post({ query }, { authorization: `Bearer ${token}` });

  it("refuses one identity past its slots and queue with 429, while another's are answered", async () => {
    const gate = fx.hold();
    const running = [send(alice), send(alice)];
    await gate.arrived(2);

    // Her third waits in the queue, so one of these two is refused at once.
    const third = send(alice);
    const fourth = send(alice);
    const { refused, queued } = await Promise.race([
      third.then((response) => ({ refused: response, queued: fourth })),
      fourth.then((response) => ({ refused: response, queued: third })),
    ]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3');
    const body = (await refused.json()) as Body;
    expect(body.errors).toEqual([
      {
        message: 'Too many operations of yours are running or waiting; retry shortly.',
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 },
      },
    ]);

    // Someone else is served while hers still hold every slot.
    const other = await send(bob, '{ users { name } }');
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual({ data: { users: [{ name: 'Ada' }, { name: 'Grace' }] } });
    expect(gate.count()).toBe(2);

    // An operation run in process on her behalf (as graphql-ws runs queries) queues the same.
    const context = await fx.gateway.createContext({ authorization: `Bearer ${alice}` });
    const inProcess = await fx.gateway.apollo.executeOperation(
      { query: '{ held }' },
      {
        contextValue: context,
      },
    );
    expect(inProcess.http.status).toBe(429);
    expect(inProcess.body).toMatchObject({
      singleResult: { errors: [{ extensions: { code: 'RATE_LIMITED' } }] },
    });

    gate.open();
    const answered = await Promise.all([...running, queued]);
    expect(answered.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(gate.count()).toBe(3);
  });

  it('lets her in again once her operations are done', async () => {
    const response = await send(alice);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { held: 'passed' } });
  });
});

describe('per-address concurrency cap, with auth off', () => {
  it("counts a client's operations by its address", async () => {
    const fx = await startFixture('in-process', {
      auth: 'off',
      verifier: undefined,
      concurrency: { maxPerIdentity: 1, queuePerIdentity: 0 },
    });
    try {
      const gate = fx.hold();
      const running = fx.post({ query: '{ held }' });
      await gate.arrived(1);
      const refused = await fx.post({ query: '{ users { id } }' });
      expect(refused.status).toBe(429);
      gate.open();
      expect((await running).status).toBe(200);
    } finally {
      await fx.stop();
    }
  });
});

describe('createConcurrencyCap', () => {
  it('keeps a bulkhead only for identities with work running or waiting', async () => {
    const cap = createConcurrencyCap({ maxPerIdentity: 1, queuePerIdentity: 1 });
    let finish!: () => void;
    const first = cap.run('a', () => new Promise<void>((resolve) => (finish = resolve)));
    const second = cap.run('a', async () => 'second');
    await cap.run('b', async () => undefined);
    expect(cap.identities()).toBe(1);
    await expect(cap.run('a', async () => undefined)).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED' },
    });
    finish();
    await first;
    expect(await second).toBe('second');
    expect(cap.identities()).toBe(0);
  });

  it('refuses options that are not positive integers', () => {
    expect(() => createConcurrencyCap({ maxPerIdentity: 0 })).toThrow(/maxPerIdentity/);
    expect(() => createConcurrencyCap({ queuePerIdentity: 1.5 })).toThrow(/queuePerIdentity/);
  });
});
