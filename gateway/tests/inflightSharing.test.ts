import type { ApolloServerPlugin } from '@apollo/server';
import { waitFor } from '../../test-support/waitFor';
import { sharingKey } from '../src/concurrency/createInflightSharing';
import { startFixture, type Fixture } from './support/twoSubgraphs';

/** Counts operations that reached execution: the gateway's executor is next. */
function executionCounter() {
  let count = 0;
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async executionDidStart() {
          count += 1;
        },
      };
    },
  };
  return {
    plugin,
    /** Resolves once `n` more operations than now have reached execution. */
    more(n: number) {
      const wanted = count + n;
      return waitFor(async () => (count >= wanted ? true : undefined));
    },
  };
}

describe('identical queries in flight', () => {
  const executions = executionCounter();
  let fx: Fixture;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    fx = await startFixture('in-process', { plugins: [executions.plugin] });
    alice = await fx.token('EMPLOYEE', 'u1');
    bob = await fx.token('EMPLOYEE', 'u2');
  });
  afterAll(() => fx.stop());

  const whoami = (token: string) =>
    fx
      .post({ query: '{ whoami }' }, { authorization: `Bearer ${token}` })
      .then((response) => response.json());

  it("run once for one caller, and each of the caller's requests gets the whole answer", async () => {
    const gate = fx.hold();
    const reached = executions.more(5);
    const answers = Array.from({ length: 5 }, () => whoami(alice));
    await reached;
    await gate.arrived(1);
    gate.open();
    expect(await Promise.all(answers)).toEqual(Array(5).fill({ data: { whoami: 'u1' } }));
    expect(gate.count()).toBe(1);
  });

  it("never hand one caller's answer to another", async () => {
    const gate = fx.hold();
    const reached = executions.more(4);
    const answers = [whoami(alice), whoami(bob), whoami(alice), whoami(bob)];
    await reached;
    await gate.arrived(2);
    gate.open();
    expect(await Promise.all(answers)).toEqual([
      { data: { whoami: 'u1' } },
      { data: { whoami: 'u2' } },
      { data: { whoami: 'u1' } },
      { data: { whoami: 'u2' } },
    ]);
    expect(gate.count()).toBe(2);
  });

  it('run each on its own when sharing is off', async () => {
    const own = executionCounter();
    const unshared = await startFixture('in-process', {
      shareInflight: false,
      plugins: [own.plugin],
    });
    try {
      const token = await unshared.token('EMPLOYEE', 'u1');
      const gate = unshared.hold();
      const answers = Array.from({ length: 3 }, () =>
        unshared.post({ query: '{ whoami }' }, { authorization: `Bearer ${token}` }),
      );
      await gate.arrived(3);
      gate.open();
      for (const answer of await Promise.all(answers)) expect(answer.status).toBe(200);
    } finally {
      await unshared.stop();
    }
  });
});

describe('sharingKey', () => {
  const request = (
    operation: 'query' | 'mutation',
    context: Record<string, unknown>,
    variables?: Record<string, unknown>,
  ) =>
    ({
      context,
      operation: { operation },
      queryHash: 'hash-of-the-document',
      operationName: 'Op',
      request: { variables },
    }) as unknown as Parameters<typeof sharingKey>[0];
  const alice = { authorization: 'Bearer a', identity: { token: 'a' } };

  it('is the same for the same caller, document and variables', () => {
    expect(sharingKey(request('query', alice, { id: 1 }))).toBe(
      sharingKey(request('query', { ...alice }, { id: 1 })),
    );
  });

  it('differs by caller and by variables', () => {
    const key = sharingKey(request('query', alice, { id: 1 }));
    const bob = { authorization: 'Bearer b', identity: { token: 'b' } };
    expect(sharingKey(request('query', bob, { id: 1 }))).not.toBe(key);
    expect(sharingKey(request('query', alice, { id: 2 }))).not.toBe(key);
    expect(sharingKey(request('query', {}, { id: 1 }))).not.toBe(key);
  });

  it('leaves mutations and the gateway’s own operations unshared', () => {
    expect(sharingKey(request('mutation', alice))).toBeUndefined();
    expect(sharingKey(request('query', { ...alice, internal: true }))).toBeUndefined();
  });
});
