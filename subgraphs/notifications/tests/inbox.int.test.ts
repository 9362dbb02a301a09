import { v7 as uuidv7 } from 'uuid';
import { hrCaller, onlyError } from '../../../test-support/startSubgraph';
import { as, startNotifications } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const SEND = `mutation ($input: SendNotificationInput!) {
  sendNotification(input: $input) { notificationId recipientId createdAt }
}`;
const BULK = `mutation ($input: SendBulkNotificationInput!) {
  sendBulkNotification(input: $input) { count notificationIds }
}`;
const PAGE = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount nodes { id title status } pageInfo { endCursor hasNextPage }
  }
}`;
const ONE = `query ($id: ID!) { notification(id: $id) { id title recipient { id } } }`;

describe('notifications: inbox and sending', () => {
  const h = suiteHarness(startNotifications);
  let alice: string;
  let bob: string;
  const system = { role: 'SYSTEM' as const, sub: 'service:importer' };

  beforeAll(async () => {
    alice = await h.hire({ firstName: 'Alice' });
    bob = await h.hire({ firstName: 'Bob' });
  });

  const sendTo = async (recipientId: string, title: string) => {
    const reply = await h.gql(SEND, { input: { recipientId, title, body: `Body of ${title}` } });
    expect(reply.errors).toBeUndefined();
    return reply.data!.sendNotification.notificationId as string;
  };

  it('HR sends one, SYSTEM sends in bulk; each recipient gets theirs', async () => {
    const one = await h.gql(SEND, {
      input: { recipientId: alice, title: 'Welcome', body: 'Hello Alice' },
    });
    expect(one.errors).toBeUndefined();
    expect(one.data!.sendNotification).toMatchObject({ recipientId: alice });
    const bulk = await h.gql(
      BULK,
      { input: { recipientIds: [alice, bob], title: 'Fire drill', body: 'At noon.' } },
      system,
    );
    expect(bulk.errors).toBeUndefined();
    expect(bulk.data!.sendBulkNotification.count).toBe(2);
    const [forAlice, forBob] = bulk.data!.sendBulkNotification.notificationIds;
    expect((await h.notificationsOf(alice)).map((n) => n.id)).toContain(forAlice);
    expect((await h.notificationsOf(bob)).map((n) => n.id)).toEqual([forBob]);
    expect(await h.events('notifications.notification.created')).toHaveLength(3);
  });

  it('the same idempotencyKey returns the first result and sends nothing more', async () => {
    const input = { recipientIds: [bob], title: 'Once', body: 'Only once', idempotencyKey: 'k-1' };
    const first = await h.gql(BULK, { input });
    const again = await h.gql(BULK, { input });
    expect(again.data).toEqual(first.data);
    const single = { recipientId: bob, title: 'Once', body: 'x', idempotencyKey: 'k-2' };
    const s1 = await h.gql(SEND, { input: single });
    const s2 = await h.gql(SEND, { input: single });
    expect(s2.data).toEqual(s1.data);
    expect((await h.notificationsOf(bob)).filter((n) => n.title === 'Once')).toHaveLength(2);
  });

  it('EMPLOYEE, MANAGER and FINANCE may not send', async () => {
    for (const role of ['EMPLOYEE', 'MANAGER', 'FINANCE'] as const) {
      const reply = await h.gql(
        SEND,
        { input: { recipientId: bob, title: 't', body: 'b' } },
        as(alice, role),
      );
      expect(onlyError(reply).extensions!.code).toBe('FORBIDDEN');
      const bulk = await h.gql(
        BULK,
        { input: { recipientIds: [bob], title: 't', body: 'b' } },
        as(alice, role),
      );
      expect(onlyError(bulk).extensions!.code).toBe('FORBIDDEN');
    }
  });

  it.each([
    ['title', { title: '   ' }],
    ['title', { title: 'x'.repeat(201) }],
    ['body', { body: '' }],
    ['body', { body: 'x'.repeat(5001) }],
    ['recipientId', { recipientId: uuidv7() }],
    ['idempotencyKey', { idempotencyKey: 'k'.repeat(201) }],
  ])('sendNotification refuses a bad %s', async (field, patch) => {
    const reply = await h.gql(SEND, {
      input: { recipientId: bob, title: 'ok', body: 'ok', ...patch },
    });
    expect(onlyError(reply).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('counts a body in characters: 5,000 emoji go, one more is refused', async () => {
    const send = (body: string) => h.gql(SEND, { input: { recipientId: bob, title: 'ok', body } });
    const sent = await send('🙂'.repeat(5000));
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendNotification.recipientId).toBe(bob);
    expect(onlyError(await send('🙂'.repeat(5001))).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'body',
    });
  });

  it.each([
    ['recipientIds', { recipientIds: [] }],
    ['recipientIds', { recipientIds: ['BOB', 'BOB'] }],
    ['recipientIds', { recipientIds: [uuidv7()] }],
    ['body', { body: 'x'.repeat(5001) }],
  ])('sendBulkNotification refuses a bad %s', async (field, patch) => {
    const input = { recipientIds: [bob], title: 'ok', body: 'ok', ...patch };
    if (input.recipientIds[0] === 'BOB') input.recipientIds = [bob, bob];
    const reply = await h.gql(BULK, { input });
    expect(onlyError(reply).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('pages through own notifications newest first, with unreadOnly and counts', async () => {
    const carol = await h.hire({ firstName: 'Carol' });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await sendTo(carol, `N${i}`));
    const me = as(carol);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const reply = await h.gql(PAGE, { first: 2, after }, me);
      expect(reply.errors).toBeUndefined();
      const page = reply.data!.myNotifications;
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((n: { title: string }) => n.title));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['N5', 'N4', 'N3', 'N2', 'N1']);

    const read = await h.op('MarkNotificationRead', { input: { id: ids[1] } }, me);
    expect(read.errors).toBeUndefined();
    expect(read.data!.markNotificationRead).toMatchObject({ id: ids[1] });
    expect(read.data!.markNotificationRead.readAt).toEqual(expect.any(String));

    const contract = await h.op('MyNotifications', { first: 10, unreadOnly: true }, me);
    expect(contract.errors).toBeUndefined();
    expect(contract.data!.unreadNotificationCount).toBe(4);
    expect(contract.data!.myNotifications.totalCount).toBe(4);
    expect(contract.data!.myNotifications.nodes.map((n: { title: string }) => n.title)).toEqual([
      'N5',
      'N4',
      'N3',
      'N1',
    ]);
    expect(contract.data!.myNotifications.nodes[0]).toMatchObject({
      type: 'MESSAGE',
      body: 'Body of N5',
      channel: 'IN_APP',
      status: 'UNREAD',
      readAt: null,
      createdAt: expect.any(String),
    });

    const all = await h.op('MarkAllNotificationsRead', {}, me);
    expect(all.data!.markAllNotificationsRead).toEqual({ count: 4 });
    const after2 = await h.op('MyNotifications', {}, me);
    expect(after2.data!.unreadNotificationCount).toBe(0);
    expect(after2.data!.myNotifications.totalCount).toBe(5);
    expect(
      after2.data!.myNotifications.nodes.every((n: { status: string }) => n.status === 'READ'),
    ).toBe(true);
    expect((await h.op('MarkAllNotificationsRead', {}, me)).data).toEqual({
      markAllNotificationsRead: { count: 0 },
    });
  });

  it.each([
    ['first', { first: 0 }],
    ['first', { first: 101 }],
    ['after', { after: 'not-a-cursor' }],
  ])('myNotifications refuses a bad %s', async (field, variables) => {
    const reply = await h.gql(PAGE, variables, as(alice));
    expect(onlyError(reply).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it("nobody reads or marks another person's notification, not even HR", async () => {
    const id = await sendTo(bob, 'Private');
    const mark = await h.op('MarkNotificationRead', { input: { id } }, as(alice));
    expect(onlyError(mark).extensions!.code).toBe('NOT_FOUND');
    const hrMark = await h.op('MarkNotificationRead', { input: { id } }, hrCaller);
    expect(onlyError(hrMark).extensions!.code).toBe('NOT_FOUND');
    expect((await h.gql(ONE, { id }, as(alice))).data).toEqual({ notification: null });
    expect((await h.gql(ONE, { id }, hrCaller)).data).toEqual({ notification: null });
    const alices = await h.gql(PAGE, { first: 100 }, as(alice));
    expect(alices.data!.myNotifications.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    // The owner reads it, by id and through an entity reference.
    expect((await h.gql(ONE, { id }, as(bob))).data).toEqual({
      notification: { id, title: 'Private', recipient: { id: bob } },
    });
    const ref = (caller: ReturnType<typeof as>) =>
      h.entities(
        [{ __typename: 'Notification', id }],
        '... on Notification { id title }',
        {},
        '',
        caller,
      );
    expect((await ref(as(bob))).data).toEqual({ _entities: [{ id, title: 'Private' }] });
    expect((await ref(as(alice))).data).toEqual({ _entities: [null] });
    const unknown = await h.op('MarkNotificationRead', { input: { id: uuidv7() } }, as(bob));
    expect(onlyError(unknown).extensions!.code).toBe('NOT_FOUND');
    // Marking twice keeps the first readAt.
    const first = await h.op('MarkNotificationRead', { input: { id } }, as(bob));
    const second = await h.op('MarkNotificationRead', { input: { id } }, as(bob));
    expect(second.data).toEqual(first.data);
  });

  it('a service principal or partner has no notifications', async () => {
    const reply = await h.op('MyNotifications', {}, system);
    expect(reply.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
