import { DateTime } from 'luxon';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Gateway } from '../../gateway/src';
import { contractOperation as op } from '../../test-support/contractOperation';
import { beforeAllValue } from '../../test-support/beforeAllValue';
import { platformSuite } from '../../test-support/platformSuite';
import { seedOrganisation, agreeForTwoLeaveYears } from '../../test-support/seedOrganisation';
import { collect, connectSubscriptions } from '../../test-support/subscriptionClient';
import { waitFor } from '../../test-support/waitFor';
import { nextWorkingDays } from '../../test-support/workingDays';

// Subscriptions through the gateway, with the real graphql-ws client over a socket and
// the real NATS: who receives what, replay from a cursor, replicas, limits, and SSE.
type Loose = any;

const SEND = `mutation Send($input: SendNotificationInput!) {
  sendNotification(input: $input) { notificationId }
}`;

describe('subscriptions through the gateway', () => {
  const tp = platformSuite({
    subscriptionLimits: { maxPerConnection: 3, connectionInitTimeoutMs: 1000, maxReplayEvents: 20 },
  });
  const org = beforeAllValue(() => seedOrganisation(tp));
  let nurse: string;
  let colleague: string;
  const clients: Client[] = [];
  const hr = { role: 'HR' as const, sub: 'service:hr' };
  const asEmployee = (id: string) => ({ role: 'EMPLOYEE' as const, sub: id });
  const asManager = (id: string) => ({ role: 'MANAGER' as const, sub: id });
  const today = DateTime.now().setZone('Europe/London').startOf('day');
  const engine = (gateway: Gateway = tp.platform.gateway) => gateway.subscriptions!.engine;

  function connect(token: string | null, url = tp.url): Client {
    const client = connectSubscriptions(url, token);
    clients.push(client);
    return client;
  }
  const subscribe = collect;

  /** Waits until `count` subscriptions are live on the gateway. */
  const live = (count: number, gateway?: Gateway) =>
    waitFor(async () => (engine(gateway).open() >= count ? true : undefined), 10_000, 20);

  const send = async (recipientId: string, title: string) => {
    const result = await tp.graphql(SEND, { input: { recipientId, title, body: 'Hello' } }, hr);
    expect(result.errors).toBeUndefined();
    return result.data!.sendNotification.notificationId as string;
  };

  const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    nurse = org.reports[0]!.id;
    colleague = org.reports[1]!.id;
    await agreeForTwoLeaveYears(tp, nurse, today, today.plus({ days: 30 }).toISODate()!);
    // With no time yet the agreement leaves the nurse far behind her target hours, and she
    // is told so: wait for that, or it could reach a socket opened for another notification.
    await waitFor(async () => {
      const { data } = await tp.graphql(op('MyNotifications'), {}, asEmployee(nurse));
      const types = (data?.myNotifications.nodes ?? []).map((n: { type: string }) => n.type);
      return types.includes('BALANCE_OFF_TRACK') ? true : undefined;
    });
  }, 60_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await waitFor(async () => (engine().open() === 0 ? true : undefined), 5000, 20);
  });

  it('pushes an approval to the employee, with names from employees, and to nobody else', async () => {
    const [start] = nextWorkingDays(today.plus({ days: 21 }), 1);
    const asked = await tp.graphql(
      op('RequestLeave'),
      {
        input: {
          leaveType: 'ANNUAL',
          startDate: start!.toISODate(),
          endDate: start!.toISODate(),
        },
      },
      asEmployee(nurse),
    );
    expect(asked.errors).toBeUndefined();
    const requestId = asked.data!.requestLeave.id;
    await settle(300);

    const own = connect(await tp.token(asEmployee(nurse)));
    const ownLeave = subscribe(own, op('LeaveRequestUpdated'));
    const ownNotes = subscribe(own, op('NotificationReceived'));
    const other = connect(await tp.token(asEmployee(colleague)));
    const otherLeave = subscribe(other, op('LeaveRequestUpdated'));
    const otherNotes = subscribe(other, op('NotificationReceived'));
    await live(4);

    const approved = await tp.graphql(
      op('ApproveLeave'),
      { input: { id: requestId } },
      asManager(org.manager.id),
    );
    expect(approved.errors).toBeUndefined();
    // How fast it arrives is measured by `npm run bench:subscriptions`, not asserted here.
    await waitFor(
      async () => (ownLeave.results.length > 0 && ownNotes.results.length > 0 ? true : undefined),
      30_000,
      10,
    );
    expect(ownLeave.results[0]).toMatchObject({
      data: {
        leaveRequestUpdated: {
          id: requestId,
          status: 'APPROVED',
          employee: { id: nurse, firstName: org.reports[0]!.firstName },
        },
      },
    });
    expect(ownLeave.results[0].extensions.cursor).toMatch(/^\d+$/);
    expect(ownNotes.results[0].data.notificationReceived).toMatchObject({
      type: 'LEAVE_APPROVED',
      recipient: { id: nurse, firstName: org.reports[0]!.firstName },
    });
    await settle();
    expect(otherLeave.results).toEqual([]);
    expect(otherNotes.results).toEqual([]);
  });

  it('runs queries and mutations sent over the socket as it runs them over HTTP', async () => {
    const once = async (client: Client, query: string, variables: Record<string, unknown> = {}) => {
      const received = subscribe(client, query, variables);
      expect(await received.ended).toBeUndefined();
      expect(received.results).toHaveLength(1);
      return received.results[0];
    };
    const COUNT = '{ unreadNotificationCount }';
    const before = (await tp.graphql(COUNT, {}, asEmployee(nurse))).data!.unreadNotificationCount;

    const hrSocket = connect(await tp.token(hr));
    const sent = await once(hrSocket, SEND, {
      input: { recipientId: nurse, title: 'Over the socket', body: 'Hello' },
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendNotification.notificationId).toEqual(expect.any(String));

    const nurseSocket = connect(await tp.token(asEmployee(nurse)));
    await waitFor(async () =>
      (await once(nurseSocket, COUNT)).data.unreadNotificationCount === before + 1
        ? true
        : undefined,
    );
    // Rights are the caller's, as over HTTP: a colleague may not read the nurse's leave.
    const variables = { id: nurse, on: today.toISODate() };
    const overHttp = await tp.graphql(op('LeaveBalances'), variables, asEmployee(colleague));
    const colleagueSocket = connect(await tp.token(asEmployee(colleague)));
    const overSocket = await once(colleagueSocket, op('LeaveBalances'), variables);
    expect(overHttp.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(overSocket.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a socket without a valid token with 4403', async () => {
    const client = connect('not-a-token');
    const refused = subscribe(client, op('NotificationReceived'));
    expect(await refused.ended).toMatchObject({ code: 4403 });
    const anonymous = subscribe(connect(null), op('NotificationReceived'));
    expect(await anonymous.ended).toMatchObject({ code: 4403 });
  });

  it("refuses someone else's accrualBalanceChanged as FORBIDDEN, and serves the manager's", async () => {
    const other = connect(await tp.token(asEmployee(colleague)));
    const refused = subscribe(other, op('AccrualBalanceChanged'), { employeeId: nurse });
    expect(await refused.ended).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);

    const manager = connect(await tp.token(asManager(org.manager.id)));
    const followed = subscribe(manager, op('AccrualBalanceChanged'), { employeeId: nurse });
    await live(1);
    const shift = today.minus({ days: 1 }).set({ hour: 8 });
    const recorded = await tp.graphql(
      op('RecordTimeEntry'),
      {
        input: {
          employeeId: nurse,
          periodType: 'SHIFT',
          shiftType: 'Early',
          startTime: shift.toISO(),
          // Eight hours' work and the meal break due after six (MINIMUM_BREAK).
          endTime: shift.plus({ hours: 8, minutes: 30 }).toISO(),
          mealBreakMinutes: 30,
        },
      },
      asEmployee(nurse),
    );
    expect(recorded.errors).toBeUndefined();
    const changed = await waitFor(
      async () => followed.results.find((r) => r.data.accrualBalanceChanged.worked === 8),
      10_000,
      20,
    );
    expect(changed.data.accrualBalanceChanged).toMatchObject({
      accrualType: 'ANNUAL_TARGET_HOURS',
    });
  });

  it('replays what a client missed from its cursor, in order, without duplicates, then goes live', async () => {
    const first = connect(await tp.token(asEmployee(nurse)));
    const before = subscribe(first, op('NotificationReceived'));
    await live(1);
    await send(nurse, 'before');
    await waitFor(async () => (before.results.length > 0 ? true : undefined), 5000, 20);
    const cursor = before.results[0].extensions.cursor;
    await first.dispose();
    await waitFor(async () => (engine().open() === 0 ? true : undefined), 5000, 20);

    const missed = [await send(nurse, 'one'), await send(nurse, 'two'), await send(nurse, 'three')];
    await send(colleague, 'not yours');
    await settle(300);

    const again = connect(await tp.token(asEmployee(nurse)));
    const after = subscribe(again, op('NotificationReceived'), {}, { cursor });
    await waitFor(async () => (after.results.length >= 3 ? true : undefined), 5000, 20);
    await settle();
    expect(after.results.map((r) => r.data.notificationReceived.id)).toEqual(missed);
    expect(after.results.map((r) => r.data.notificationReceived.title)).toEqual([
      'one',
      'two',
      'three',
    ]);
    const cursors = after.results.map((r) => Number(r.extensions.cursor));
    expect(cursors.every((c, i) => c > Number(cursor) && (i === 0 || c > cursors[i - 1]!))).toBe(
      true,
    );

    const liveOne = await send(nurse, 'live');
    await waitFor(async () => (after.results.length >= 4 ? true : undefined), 5000, 20);
    await settle(300);
    expect(after.results.map((r) => r.data.notificationReceived.id)).toEqual([...missed, liveOne]);
  });

  it('refuses a cursor further back than a replay may reach, over graphql-ws and SSE', async () => {
    const token = await tp.token(asEmployee(nurse));
    const first = subscribe(connect(token), op('NotificationReceived'));
    await live(1);
    await send(nurse, 'mark');
    await waitFor(async () => (first.results.length > 0 ? true : undefined), 5000, 20);
    const cursor = first.results[0].extensions.cursor as string;
    first.stop();
    // Everyone's notifications count: the replay would read each of them.
    for (let i = 0; i < 21; i++) await send(colleague, `flood ${i}`);

    const again = subscribe(connect(token), op('NotificationReceived'), {}, { cursor });
    await again.ended;
    expect(again.errors[0]).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^The cursor is too far back to resume from \(\d+ events since, at most 20\)/,
        ),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'CURSOR_TOO_OLD' }),
      }),
    ]);
    const overSse = await sseRequest(tp.url, token, { query: op('NotificationReceived') }, cursor);
    expect(overSse.status).toBe(400);
    expect(((await overSse.json()) as Loose).errors[0].extensions.reason).toBe('CURSOR_TOO_OLD');
    // Without the cursor it goes live.
    await waitFor(async () => (engine().open() === 0 ? true : undefined), 5000, 20);
    const fresh = subscribe(connect(token), op('NotificationReceived'));
    await live(1);
    const id = await send(nurse, 'after the flood');
    await waitFor(async () => (fresh.results.length > 0 ? true : undefined), 5000, 20);
    expect(fresh.results.map((r) => r.data.notificationReceived.id)).toEqual([id]);
    fresh.stop();
  });

  it('delivers each event once to the clients of each of two gateway replicas', async () => {
    const replica = tp.platform.createReplica();
    const port = await replica.listen(0, '127.0.0.1');
    try {
      const token = await tp.token(asEmployee(nurse));
      const onFirst = subscribe(connect(token), op('NotificationReceived'));
      const onSecond = subscribe(
        connect(token, `http://127.0.0.1:${port}/graphql`),
        op('NotificationReceived'),
      );
      await live(1);
      await live(1, replica);
      const id = await send(nurse, 'to both');
      await waitFor(
        async () => (onFirst.results.length && onSecond.results.length ? true : undefined),
        5000,
        20,
      );
      await settle();
      expect(onFirst.results.map((r) => r.data.notificationReceived.id)).toEqual([id]);
      expect(onSecond.results.map((r) => r.data.notificationReceived.id)).toEqual([id]);
    } finally {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
      await replica.stop();
    }
  });

  it('closes the socket when the token expires', async () => {
    const token = await tp.platform.issueToken({ role: 'EMPLOYEE', sub: nurse, ttlSeconds: 2 });
    const received = subscribe(connect(token), op('NotificationReceived'));
    await live(1);
    expect(await received.ended).toMatchObject({ code: 4403, reason: 'Token expired' });
  });

  it('closes a socket that never sends connection_init with 4408', async () => {
    const socket = new WebSocket(tp.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<{ code: number; ms: number }>((resolve) => {
      const opened = Date.now();
      socket.on('close', (code) => resolve({ code, ms: Date.now() - opened }));
    });
    const { code, ms } = await closed;
    expect(code).toBe(4408);
    expect(ms).toBeGreaterThanOrEqual(900);
  });

  it('refuses more subscriptions on one connection than the limit', async () => {
    const client = connect(await tp.token(asEmployee(nurse)));
    const allowed = [1, 2, 3].map(() => subscribe(client, op('NotificationReceived')));
    await live(3);
    const refused = subscribe(client, op('NotificationReceived'));
    expect(await refused.ended).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          reason: 'TOO_MANY_SUBSCRIPTIONS',
        }),
      }),
    ]);
    expect(allowed.every((s) => s.errors.length === 0)).toBe(true);
  });

  it('serves a subscription over SSE, and resumes from Last-Event-ID', async () => {
    const token = await tp.token(asEmployee(nurse));
    const open = (lastEventId?: string) =>
      sse(tp.url, token, op('NotificationReceived'), lastEventId);
    const first = await open();
    await live(1);
    const id = await send(nurse, 'over SSE');
    const [event] = await first.take(1);
    expect(event!.data.data.notificationReceived).toMatchObject({ id, title: 'over SSE' });
    expect(event!.id).toBe(event!.data.extensions.cursor);
    first.close();
    await waitFor(async () => (engine().open() === 0 ? true : undefined), 5000, 20);

    const missed = [await send(nurse, 'sse one'), await send(nurse, 'sse two')];
    const resumed = await open(event!.id);
    const replayed = await resumed.take(2);
    expect(replayed.map((e) => e.data.data.notificationReceived.id)).toEqual(missed);
    resumed.close();
  });

  it.each([{ a: 1 }, [1], -1, 1.5, 'abc'])(
    'refuses a cursor that is no stream position, %j, over graphql-ws and SSE alike',
    async (cursor) => {
      const token = await tp.token(asEmployee(nurse));
      const overWs = subscribe(connect(token), op('NotificationReceived'), {}, { cursor });
      await overWs.ended;
      expect(overWs.errors[0]).toEqual([
        expect.objectContaining({
          message: 'The cursor is not one this gateway gave.',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
      const body = { query: op('NotificationReceived'), extensions: { cursor } };
      const overSse = await sseRequest(tp.url, token, body);
      expect(overSse.status).toBe(400);
      const answer = (await overSse.json()) as Loose;
      expect(answer.errors[0].message).toBe('The cursor is not one this gateway gave.');
    },
  );

  it('refuses SSE without a valid token', async () => {
    const response = await fetch(tp.url, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ query: op('NotificationReceived') }),
    });
    expect(response.status).toBe(401);
  });
});

interface SseEvent {
  id?: string;
  event?: string;
  data: Loose;
}

/** A subscription asked for over SSE, resuming after `lastEventId` when given. */
function sseRequest(
  url: string,
  token: string,
  body: object,
  lastEventId?: string,
  signal?: AbortSignal,
) {
  return fetch(url, {
    method: 'POST',
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(lastEventId && { 'last-event-id': lastEventId }),
    },
    body: JSON.stringify(body),
    signal,
  });
}

/** A minimal SSE reader over fetch. */
async function sse(url: string, token: string, query: string, lastEventId?: string) {
  const controller = new AbortController();
  const response = await sseRequest(url, token, { query }, lastEventId, controller.signal);
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const events: SseEvent[] = [];
  const parse = () => {
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const event: Partial<SseEvent> = {};
      for (const line of block.split('\n')) {
        const [key, ...rest] = line.split(': ');
        if (key === 'id') event.id = rest.join(': ');
        if (key === 'event') event.event = rest.join(': ');
        if (key === 'data') event.data = JSON.parse(rest.join(': '));
      }
      if (event.event === 'next') events.push(event as SseEvent);
    }
  };
  return {
    async take(count: number): Promise<SseEvent[]> {
      const deadline = Date.now() + 5000;
      while (events.length < count && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
        parse();
      }
      return events.splice(0, count);
    },
    close: () => controller.abort(),
  };
}
