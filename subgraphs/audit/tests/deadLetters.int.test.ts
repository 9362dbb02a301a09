import { v7 as uuidv7 } from 'uuid';
import { closeNats, connectNats, type NatsClients } from '../../../messaging';
import {
  TEST_NATS_URL,
  createTestPlatform,
  type Caller,
  type TestPlatform,
} from '../../../test-support/createTestPlatform';
import {
  FRAGILE_CONSUMER,
  FRAGILE_TYPE,
  startFragileConsumer,
  type FragileConsumer,
} from '../../../test-support/fragileConsumer';
import { waitFor } from '../../../test-support/waitFor';

/** Waits until `check` holds. */
const until = (check: () => Promise<boolean>) => waitFor(async () => (await check()) || undefined);

const ADMIN: Caller = { role: 'ADMIN', sub: uuidv7() };
const HR: Caller = { role: 'HR', sub: uuidv7() };

const LIST = `query DeadLetters($consumer: String, $type: String) {
  deadLetters(first: 10, consumer: $consumer, type: $type) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { id consumer type reason error attempts firstFailedAt lastFailedAt eventId event rawPayload }
  }
}`;
const ONE = `query DeadLetter($id: ID!) { deadLetter(id: $id) { id } }`;
const REPLAY = `mutation Replay($id: ID!) {
  replayDeadLetter(input: { id: $id }) { alreadyApplied deadLetter { id eventId } }
}`;
const DISCARD = `mutation Discard($id: ID!, $reason: String!) {
  discardDeadLetter(input: { id: $id, reason: $reason }) { deadLetter { id } }
}`;
const AUDIT = `query Audit($logType: String) {
  auditLogs(filter: { logType: $logType }) { nodes { actorId entityId newValues } }
}`;
const NOTIFICATIONS = `{ myNotifications(first: 20) { nodes { type title body } } }`;

describe('dead letters through the gateway', () => {
  let tp: TestPlatform;
  let nats: NatsClients;
  let fragile: FragileConsumer;
  const saved = process.env.NOTIFICATIONS_ADMIN_RECIPIENTS;

  beforeAll(async () => {
    process.env.NOTIFICATIONS_ADMIN_RECIPIENTS = ADMIN.sub;
    tp = await createTestPlatform();
    nats = await connectNats({ servers: TEST_NATS_URL, name: 'dead-letters-test' });
    fragile = await startFragileConsumer(nats, tp.namespace);
  });
  afterAll(async () => {
    process.env.NOTIFICATIONS_ADMIN_RECIPIENTS = saved;
    await fragile?.stop();
    if (nats) await closeNats(nats.nc);
    await tp?.stop();
  });

  const listed = async (variables: Record<string, unknown> = { consumer: FRAGILE_CONSUMER }) => {
    const result = await tp.graphql(LIST, variables, ADMIN);
    expect(result.errors).toBeUndefined();
    return result.data!.deadLetters;
  };
  const waitForLetters = (count: number) =>
    until(async () => (await listed()).totalCount === count);
  const auditOf = async (logType: string) =>
    (await tp.graphql(AUDIT, { logType }, ADMIN)).data?.auditLogs.nodes ?? [];

  it('lists a dead letter to ADMIN with why and when, and tells the administrators', async () => {
    const event = await fragile.publish(1);
    await waitForLetters(1);
    const { nodes, pageInfo } = await listed();
    expect(pageInfo).toEqual({ endCursor: nodes[0].id, hasNextPage: false });
    expect(nodes[0]).toMatchObject({
      consumer: FRAGILE_CONSUMER,
      type: FRAGILE_TYPE,
      reason: 'HANDLER_FAILED',
      error: 'purge 1 cannot be applied',
      attempts: 2,
      eventId: event.id,
      event: { id: event.id, type: FRAGILE_TYPE, data: event.data },
      rawPayload: null,
    });
    expect(Date.parse(nodes[0].lastFailedAt)).toBeGreaterThan(Date.parse(nodes[0].firstFailedAt));
    expect((await listed({ type: 'leave.request.created' })).totalCount).toBe(0);

    await until(async () => {
      const mine = (await tp.graphql(NOTIFICATIONS, {}, ADMIN)).data?.myNotifications.nodes ?? [];
      return mine.some(
        (n: { type: string; title: string }) =>
          n.type === 'DEAD_LETTER' && n.title.includes(FRAGILE_CONSUMER),
      );
    });
    expect(await auditOf('audit.dead_letter.recorded')).toEqual([
      expect.objectContaining({ entityId: nodes[0].id }),
    ]);
  });

  it('counts dead letters per consumer in /metrics', async () => {
    const named = ['audit_audit_log', 'notifications_notify', 'audit_policy_copy'];
    // A probe that misses its timeout (a busy CPU) leaves its series out of that scrape.
    const series = await waitFor(async () => {
      const text = await (await fetch(tp.url.replace('/graphql', '/metrics'))).text();
      const lines = text.split('\n').filter((line) => line.startsWith('hr_dead_letters{'));
      const all = named.every((name) => lines.some((line) => line.includes(`"${name}"`)));
      return all ? lines : undefined;
    }, 60_000);
    // One series per consumer of the platform; none of them has given up on anything. The
    // policy copies' consumers are named `<subgraph>_policy_copy`.
    expect(series).toContain('hr_dead_letters{consumer="audit_audit_log"} 0');
    expect(series).toContain('hr_dead_letters{consumer="notifications_notify"} 0');
    expect(series).toContain('hr_dead_letters{consumer="audit_policy_copy"} 0');
    expect(series.every((line) => /^hr_dead_letters\{consumer="[a-z_-]+"\} 0$/.test(line))).toBe(
      true,
    );
  });

  it('refuses HR everything about dead letters', async () => {
    const [letter] = (await listed()).nodes;
    const codes = await Promise.all(
      [
        tp.graphql(LIST, {}, HR),
        tp.graphql(ONE, { id: letter.id }, HR),
        tp.graphql(REPLAY, { id: letter.id }, HR),
        tp.graphql(DISCARD, { id: letter.id, reason: 'no' }, HR),
      ].map(async (reply) => (await reply).errors?.[0]?.extensions?.code),
    );
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect((await listed()).totalCount).toBe(1);
  });

  it('replays to the fixed consumer once, removes the letter and audits the replay', async () => {
    const [letter] = (await listed()).nodes;
    const failed = await tp.graphql(REPLAY, { id: letter.id }, ADMIN);
    expect(failed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await fragile.applied()).toBe(0);

    fragile.setFixed(true);
    const replayed = await tp.graphql(REPLAY, { id: letter.id }, ADMIN);
    expect(replayed.data?.replayDeadLetter).toEqual({
      alreadyApplied: false,
      deadLetter: { id: letter.id, eventId: letter.eventId },
    });
    const again = await tp.graphql(REPLAY, { id: letter.id }, ADMIN);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect(await fragile.applied(letter.eventId)).toBe(1);
    expect((await tp.graphql(ONE, { id: letter.id }, ADMIN)).data?.deadLetter).toBeNull();
    await until(async () => {
      const entries = await auditOf('audit.dead_letter.replayed');
      return entries.length === 1 && entries[0].actorId === ADMIN.sub;
    });
  });

  it('discards a letter with a reason, without applying it, and audits it', async () => {
    fragile.setFixed(false);
    const event = await fragile.publish(2);
    await waitForLetters(1);
    const [letter] = (await listed()).nodes;
    const blank = await tp.graphql(DISCARD, { id: letter.id, reason: ' ' }, ADMIN);
    expect(blank.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    const discarded = await tp.graphql(
      DISCARD,
      { id: letter.id, reason: 'sent by mistake' },
      ADMIN,
    );
    expect(discarded.data?.discardDeadLetter).toEqual({ deadLetter: { id: letter.id } });
    expect((await listed()).totalCount).toBe(0);
    expect(await fragile.applied(event.id)).toBe(0);
    await until(async () => {
      const entries = await auditOf('audit.dead_letter.discarded');
      return entries.length === 1 && entries[0].newValues?.reason === 'sent by mistake';
    });
  });
});
