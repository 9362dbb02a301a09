import crypto from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestPlatform } from '../../test-support/createTestPlatform';
import { platformSuite } from '../../test-support/platformSuite';
import { contractOperation } from '../../test-support/contractOperation';
import { createPerson } from '../../test-support/seedOrganisation';
import { collect, connectSubscriptions } from '../../test-support/subscriptionClient';
import { waitFor } from '../../test-support/waitFor';
import { describeOnPostgres } from '../../test-support/onPostgres';

// Rate limits at the gateway, through the whole platform with the real clients: counted
// in memory on SQLite and in PostgreSQL on PostgreSQL, as all-in-one and replicas do.

const PING = '{ __typename }';
const COSTLY = '{ employees(first: 60) { nodes { id firstName lastName } } }';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('rate limits', () => {
  const tp = platformSuite({
    env: {
      TRUST_PROXY_HOPS: '1',
      RATE_LIMIT_WINDOW_SECONDS: '600',
      RATE_LIMIT_REQUESTS: '5',
      RATE_LIMIT_COST: '100',
      RATE_LIMIT_PARTNER_REQUESTS: '3',
      RATE_LIMIT_PARTNER_QUOTAS: JSON.stringify({ 'payroll-sync': { requests: 8 } }),
      RATE_LIMIT_AUTH_FAILURES: '3',
    },
  });
  const clients: Client[] = [];

  /** A caller of its own, so that no test spends another's quota. */
  const someone = () => ({ role: 'EMPLOYEE' as const, sub: crypto.randomUUID() });
  /** A client address of its own, as a trusted proxy reports it. */
  const someAddress = () => `203.0.113.${crypto.randomInt(1, 255)}`;

  async function post(
    query: string,
    authorization: string | null,
    headers: Record<string, string> = {},
    url = tp.url,
  ): Promise<Answer> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization && { authorization }),
        ...headers,
      },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as Answer['body'];
    return { status: response.status, headers: response.headers, body };
  }
  const bearer = async (caller: Parameters<TestPlatform['token']>[0]) =>
    `Bearer ${await tp.token(caller)}`;

  /** Sends `count` requests one after another; all must be answered normally. */
  async function spend(count: number, authorization: string, url?: string): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (let i = 0; i < count; i += 1) answers.push(await post(PING, authorization, {}, url));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    return answers;
  }

  const expectRefused = (answer: Answer, policy: string) => {
    expect(answer.status).toBe(429);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(answer.headers.get('ratelimit-policy')).toBe(policy);
    expect(answer.headers.get('ratelimit')).toMatch(/^limit=\d+, remaining=0, reset=\d+$/);
    expect(answer.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(retryAfter);
  };

  // Each test's sockets are closed after it, before the platform stops after the last.
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });

  it('refuses one identity over its limit with 429, and leaves another alone', async () => {
    const first = await bearer(someone());
    const answers = await spend(5, first);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('5;w=600');
    expect(answers.map((a) => a.headers.get('ratelimit')?.replace(/, reset=\d+$/, ''))).toEqual([
      'limit=5, remaining=4',
      'limit=5, remaining=3',
      'limit=5, remaining=2',
      'limit=5, remaining=1',
      'limit=5, remaining=0',
    ]);
    const refused = await post(PING, first);
    expectRefused(refused, '5;w=600');
    expect(refused.body.errors?.[0]?.message).toMatch(/at most 5 per 600 s/);

    const other = await post(PING, await bearer(someone()));
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit')).toMatch(/^limit=5, remaining=4, reset=\d+$/);
  });

  it('charges the cost of each operation, and refuses once it is spent', async () => {
    const hr = await bearer({ role: 'HR', sub: `service:hr-${crypto.randomUUID()}` });
    const first = await post(COSTLY, hr);
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('100;w=600');
    expect(first.headers.get('ratelimit')).toMatch(/^limit=100, remaining=\d+, reset=\d+$/);
    const second = await post(COSTLY, hr);
    expectRefused(second, '100;w=600');
    expect(second.body.errors?.[0]?.message).toMatch(/cost at most 100 per 600 s/);
    expect(second.body.data).toBeUndefined();
  });

  it('gives partners their own quota, and a configured client its own', async () => {
    const partner = await bearer({ role: 'PARTNER', sub: `other-${crypto.randomUUID()}` });
    await spend(3, partner);
    expectRefused(await post(PING, partner), '3;w=600');

    const payroll = await bearer({ role: 'PARTNER', sub: 'payroll-sync' });
    const answers = await spend(8, payroll);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('8;w=600');
    expectRefused(await post(PING, payroll), '8;w=600');
  });

  it('refuses an address after failed sign-ins, even with a good token, and no other', async () => {
    const address = { 'x-forwarded-for': someAddress() };
    const bad = `Bearer ${(await tp.token(someone())).slice(0, -4)}AAAA`;
    for (let i = 0; i < 3; i += 1) expect((await post(PING, bad, address)).status).toBe(401);
    const good = await bearer(someone());
    const refused = await post(PING, good, address);
    expectRefused(refused, '3;w=600');
    expect(refused.body.errors?.[0]?.message).toMatch(/failed sign-ins/);

    const elsewhere = await post(PING, good, { 'x-forwarded-for': someAddress() });
    expect(elsewhere.status).toBe(200);
  });

  it('answers an SSE subscription over the limit with 429', async () => {
    const caller = await bearer(someone());
    await spend(5, caller);
    const response = await fetch(tp.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: caller,
      },
      body: JSON.stringify({ query: 'subscription { notificationReceived { id } }' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(response.headers.get('ratelimit-policy')).toBe('5;w=600');
    expect(((await response.json()) as Answer['body']).errors?.[0]?.extensions?.code).toBe(
      'RATE_LIMITED',
    );
  });

  it('closes a graphql-ws socket over its limit with 4429', async () => {
    const caller = someone();
    // One socket for every operation (a lazy client would reconnect between them).
    const client = createClient({
      url: tp.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: await bearer(caller) },
      retryAttempts: 0,
      lazy: false,
      // The refusal is read from the operation that meets it.
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    const run = () =>
      new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: PING },
          { next: () => undefined, error: resolve, complete: () => resolve('complete') },
        );
      });
    // connection_init counts as one request, each operation as one more.
    for (let i = 0; i < 4; i += 1) expect(await run()).toBe('complete');
    expect(await run()).toMatchObject({ code: 4429 });

    const again = connectSubscriptions(tp.url, await tp.token(caller));
    clients.push(again);
    const refused = await new Promise<unknown>((resolve) => {
      again.subscribe(
        { query: PING },
        { next: () => undefined, error: resolve, complete: () => resolve('complete') },
      );
    });
    expect(refused).toMatchObject({ code: 4429 });
  });

  it("delivers a subscriber's events after its quota is spent: the gateway's own work is not charged", async () => {
    const person = await createPerson(tp, 'Quinn', 'Quota');
    const caller = { role: 'EMPLOYEE' as const, sub: person.id };
    const client = connectSubscriptions(tp.url, await tp.token(caller));
    clients.push(client);
    const received = collect(client, contractOperation('NotificationReceived'));
    const engine = tp.platform.gateway.subscriptions!.engine;
    await waitFor(async () => (engine.open() >= 1 ? true : undefined), 10_000, 20);
    const employee = await bearer(caller);
    expect((await post(COSTLY, employee)).status).toBe(200);
    expectRefused(await post(COSTLY, employee), '100;w=600');

    const SEND = `mutation Send($input: SendNotificationInput!) {
      sendNotification(input: $input) { notificationId }
    }`;
    // Each attempt as another HR caller: notifications learns of the new person by event.
    await waitFor(async () => {
      const hr = { role: 'HR' as const, sub: `service:hr-${crypto.randomUUID()}` };
      const sent = await tp.graphql(
        SEND,
        { input: { recipientId: person.id, title: 'Rota', body: 'Published' } },
        hr,
      );
      return sent.errors ? undefined : true;
    });
    await waitFor(async () => (received.results.length > 0 ? true : undefined), 10_000, 20);
    expect(received.results[0].data.notificationReceived.title).toBe('Rota');
    expect(received.errors).toEqual([]);
  });

  describeOnPostgres('across gateway replicas', () => {
    it('counts requests to either replica against the same quota', async () => {
      const replica = tp.platform.createReplica();
      const port = await replica.listen(0, '127.0.0.1');
      const replicaUrl = `http://127.0.0.1:${port}/graphql`;
      try {
        const caller = await bearer(someone());
        await spend(3, caller);
        const onReplica = await spend(2, caller, replicaUrl);
        expect(onReplica[1]!.headers.get('ratelimit')).toMatch(/^limit=5, remaining=0, /);
        expectRefused(await post(PING, caller, {}, replicaUrl), '5;w=600');
        expectRefused(await post(PING, caller), '5;w=600');
      } finally {
        await replica.stop();
      }
    });
  });
});
