import { requestSql, sqlShape } from '../../../test-support/sqlShape';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { as, startNotifications } from './support';

const SEND = `mutation ($input: SendNotificationInput!) {
  sendNotification(input: $input) { notificationId }
}`;

/** The tables a run of statements wrote to, each as often as a statement did. */
const writesOf = (sql: string[]) =>
  sql
    .map(sqlShape)
    .map((statement) => /^(insert into|update|delete from) (\w+)/i.exec(statement))
    .filter((write) => write !== null)
    .map((write) => `${write[1]!.toLowerCase()} ${write[2]}`);

// Rows read and flushed unchanged must not be written back: an instant mapped so that it reads
// back as changed made every send rewrite the recipient's copy.
describe('notifications: a write touches only what it changes', () => {
  const h = suiteHarness(startNotifications);
  let alice: string;

  beforeAll(async () => {
    alice = await h.hire({ firstName: 'Alice' });
  });

  const send = async (title: string) => {
    const reply = await h.gql(SEND, { input: { recipientId: alice, title, body: 'Hello' } });
    expect(reply.errors).toBeUndefined();
    return reply.data!.sendNotification.notificationId as string;
  };

  it('sending reads the recipient once, stores the notification and its event, and no more', async () => {
    await send('Warm-up');
    const copyBefore = await h.copy(alice);
    const sql = await h.countQueries(() => send('Welcome'));
    expect(requestSql(sql)).toEqual([
      'select n0.* from notification_employees as n0 where n0.id in (1 value)',
      'begin',
      'insert into outbox (1 row)',
      'insert into notifications (1 row)',
      'commit',
    ]);
    expect(await h.copy(alice)).toEqual(copyBefore);
  });

  it('marking a read notification read again writes nothing', async () => {
    const id = await send('Twice');
    const first = await h.op('MarkNotificationRead', { input: { id } }, as(alice));
    expect(first.errors).toBeUndefined();
    const sql = await h.countQueries(() =>
      h.op('MarkNotificationRead', { input: { id } }, as(alice)),
    );
    expect(writesOf(sql)).toEqual([]);
  });
});
