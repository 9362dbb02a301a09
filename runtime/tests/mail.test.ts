import type { EntityManager } from '@mikro-orm/core';
import {
  deliverDueMail,
  type MailDelivery,
  type MailMessage,
  mailDeliveryJob,
  type OutgoingMail,
  pendingMail,
  readSmtpUrl,
} from '../index';

const NOW = new Date('2026-11-22T08:00:00Z');

/** Just what delivery uses of an entity manager: the due rows, and flushes counted. */
function fakeEm(rows: OutgoingMail[]) {
  const seen = { flushes: 0, where: undefined as unknown, limit: undefined as unknown };
  const em = {
    find: async (_: unknown, where: unknown, options: { limit: number }) => {
      seen.where = where;
      seen.limit = options.limit;
      return rows;
    },
    flush: async () => void (seen.flushes += 1),
  } as unknown as EntityManager;
  return { em, seen };
}

const mail = (to: string, extra: Partial<OutgoingMail> = {}): OutgoingMail => ({
  id: to,
  to,
  subject: `to ${to}`,
  text: 'a secret link',
  ...pendingMail(NOW),
  ...extra,
});

function delivery(fail: (to: string) => boolean, extra: Partial<MailDelivery> = {}) {
  const sent: MailMessage[] = [];
  const settings: MailDelivery = {
    transport: {
      sendMail: async (message) => {
        if (fail(message.to)) throw new Error(`no route to ${message.to}`);
        sent.push(message);
      },
    },
    from: 'hr@example.org',
    maxAttempts: 3,
    retryDelayMs: 1000,
    maxRetryDelayMs: 1500,
    batchSize: 10,
    ...extra,
  };
  return { settings, sent };
}

describe('deliverDueMail', () => {
  it('sends what is due, and backs off a failed send until it is FAILED', async () => {
    const rows = [
      mail('a@x.org', { html: '<p>hi</p>' }),
      mail('b@x.org'),
      mail('c@x.org', { attempts: 1 }),
      mail('d@x.org', { attempts: 2 }),
    ];
    const { em, seen } = fakeEm(rows);
    const { settings, sent } = delivery((to) => to !== 'a@x.org');
    expect(await deliverDueMail(em, 'Outbox', settings, NOW)).toEqual({
      sent: 1,
      retried: 2,
      failed: 1,
    });
    expect(seen).toEqual({
      flushes: 4,
      where: { status: 'PENDING', nextAttemptAt: { $lte: NOW } },
      limit: 10,
    });
    // The HTML part goes only where the mail has one.
    expect(sent).toStrictEqual([
      {
        from: 'hr@example.org',
        to: 'a@x.org',
        subject: 'to a@x.org',
        text: 'a secret link',
        html: '<p>hi</p>',
      },
    ]);
    expect(
      rows.map((r) => [r.status, r.attempts, r.nextAttemptAt.getTime() - NOW.getTime()]),
    ).toEqual([
      ['SENT', 1, 0],
      ['PENDING', 1, 1000],
      // Doubled, but no longer than the longest delay.
      ['PENDING', 2, 1500],
      ['FAILED', 3, 0],
    ]);
    expect(rows[0].sentAt).toBe(NOW);
    expect(rows[1].lastError).toBe('no route to b@x.org');
    expect(rows.map((r) => r.text)).toEqual(Array(4).fill('a secret link'));
  });

  it('blanks the text of a sent or failed mail when asked, not of one still waiting', async () => {
    const rows = [mail('a@x.org'), mail('b@x.org'), mail('c@x.org', { attempts: 2 })];
    const { em } = fakeEm(rows);
    const { settings } = delivery((to) => to !== 'a@x.org', { eraseText: true });
    await deliverDueMail(em, 'Outbox', settings, NOW);
    expect(rows.map((r) => [r.status, r.text])).toEqual([
      ['SENT', ''],
      ['PENDING', 'a secret link'],
      ['FAILED', ''],
    ]);
  });

  it('leaves the rest for the next run once its budget is spent', async () => {
    const rows = [mail('a@x.org'), mail('b@x.org')];
    const { em } = fakeEm(rows);
    const { settings, sent } = delivery(() => false, { runBudgetMs: -1 });
    expect(await deliverDueMail(em, 'Outbox', settings, NOW)).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(sent).toEqual([]);
  });
});

describe('mailDeliveryJob', () => {
  it('plans one occurrence per interval, named by its slot', () => {
    const job = mailDeliveryJob({
      name: 'x.deliver',
      intervalMs: 5000,
      now: () => NOW,
      deliver: async () => undefined,
    });
    expect(job.plan!(new Date(NOW.getTime() + 1))).toEqual([
      {
        id: `x.deliver:${NOW.getTime() / 5000 + 1}`,
        job: 'x.deliver',
        runAt: new Date(NOW.getTime() + 5000),
      },
    ]);
  });
});

describe('readSmtpUrl', () => {
  it('takes an smtp:// or smtps:// URL, nothing when unset, and refuses anything else', () => {
    expect(readSmtpUrl(undefined)).toBeUndefined();
    expect(readSmtpUrl('')).toBeUndefined();
    expect(readSmtpUrl('smtps://u:p@mail:465')).toBe('smtps://u:p@mail:465');
    for (const bad of ['http://mail', 'mail:25'])
      expect(() => readSmtpUrl(bad)).toThrow('SMTP_URL must be an smtp:// or smtps:// URL');
  });
});
