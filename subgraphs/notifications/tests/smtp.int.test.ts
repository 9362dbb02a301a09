import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '../../../test-support/waitFor';
import { DELIVER_EMAIL_JOB } from '../src';
import { startNotifications, type NotificationsHarness } from './support';

const SEND = `mutation ($input: SendNotificationInput!) {
  sendNotification(input: $input) { notificationId }
}`;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Received {
  to: string[];
  raw: string;
}

async function startSmtp(port: number, inbox: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

const stopSmtp = (server: SMTPServer) =>
  new Promise<void>((resolve) => server.close(() => resolve()));

describe('notifications: e-mail over SMTP', () => {
  let h: NotificationsHarness;
  let port: number;
  let clock = new Date('2026-11-22T08:00:00Z');
  let server: SMTPServer | undefined;
  const inbox: Received[] = [];
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

  beforeAll(async () => {
    port = await freePort();
    h = await startNotifications({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'HR <hr@example.com>',
      now: () => clock,
      maxAttempts: 3,
      retryDelayMs: 1000,
      smtpTimeoutMs: 2000,
    });
  });
  afterAll(async () => {
    if (server) await stopSmtp(server);
    await h.stop();
  });

  const deliver = () => h.transaction((em) => h.module.deliverDueEmails(em));
  const emailOf = async (notificationId: string) =>
    (await h.emails()).find((e) => e.notificationId === notificationId);

  it('retries while the server is down, then delivers exactly once, with user text escaped', async () => {
    const alice = await h.hire({ firstName: 'Alice', email: 'alice@example.com' });
    const reply = await h.gql(SEND, {
      input: {
        recipientId: alice,
        title: 'Pay & <b>rota</b>',
        body: '<script>alert("x")</script>\nSee "you" soon',
      },
    });
    expect(reply.errors).toBeUndefined();
    const id = reply.data!.sendNotification.notificationId;
    const [stored] = await h.notificationsOf(alice);
    expect(stored.channel).toBe('IN_APP_AND_EMAIL');
    expect(await emailOf(id)).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      to: 'alice@example.com',
    });

    // Down: the first attempt fails and waits for its retry.
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const failed = await emailOf(id);
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.nextAttemptAt.getTime()).toBe(clock.getTime() + 1000);
    // Not due yet: nothing is tried.
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });

    server = await startSmtp(port, inbox);
    advance(1000);
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await emailOf(id)).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    advance(60_000);
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.to).toEqual(['alice@example.com']);
    const unfolded = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(unfolded).toContain('Subject: Pay & <b>rota</b>');
    expect(unfolded).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>See &quot;you&quot; soon',
    );
    expect(unfolded).toContain('<h2>Pay &amp; &lt;b&gt;rota&lt;/b&gt;</h2>');
    const html = unfolded.slice(unfolded.indexOf('Content-Type: text/html'));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });

  it('after the last attempt with no server, marks the e-mail FAILED with the error, never lost', async () => {
    await stopSmtp(server!);
    server = undefined;
    const bob = await h.hire({ firstName: 'Bob', email: 'bob@example.com' });
    const reply = await h.gql(SEND, { input: { recipientId: bob, title: 'Hi', body: 'Bob' } });
    const id = reply.data!.sendNotification.notificationId;
    expect(await deliver()).toMatchObject({ retried: 1 });
    advance(1000);
    expect(await deliver()).toMatchObject({ retried: 1 });
    expect((await emailOf(id)).nextAttemptAt.getTime()).toBe(clock.getTime() + 2000);
    advance(2000);
    expect(await deliver()).toMatchObject({ failed: 1 });
    const email = await emailOf(id);
    expect(email).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(email.lastError).toMatch(/ECONNREFUSED|connect/i);
    advance(3_600_000);
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await h.notificationsOf(bob)).toHaveLength(1);
  });

  it('an employee without an e-mail address gets the notification in-app only', async () => {
    const carol = await h.hire({ firstName: 'Carol' });
    await h.transaction((em) =>
      em.nativeUpdate('NotificationEmployee', { id: carol }, { email: null }),
    );
    await h.gql(SEND, { input: { recipientId: carol, title: 'Hi', body: 'Carol' } });
    const [n] = await h.notificationsOf(carol);
    expect(n.channel).toBe('IN_APP');
    expect(await emailOf(n.id)).toBeUndefined();
  });
});

describe('notifications: the delivery job', () => {
  it('runs under the scheduler and sends what is due', async () => {
    const port = await freePort();
    const inbox: Received[] = [];
    const server = await startSmtp(port, inbox);
    const h = await startNotifications({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      deliveryJob: true,
      deliveryIntervalMs: 3_600_000,
    });
    try {
      expect(h.module.jobs!.map((j) => j.name)).toEqual([DELIVER_EMAIL_JOB]);
      const dan = await h.hire({ firstName: 'Dan', email: 'dan@example.com' });
      await h.gql(SEND, { input: { recipientId: dan, title: 'Job', body: 'Sent by the job' } });
      await h.runtime.scheduler!.schedule({
        id: `${DELIVER_EMAIL_JOB}:now`,
        job: DELIVER_EMAIL_JOB,
        runAt: new Date(),
      });
      await h.runtime.runDueJobs();
      await waitFor(
        async () => ((await h.emails())[0]?.status === 'SENT' ? true : undefined),
        10_000,
      );
      expect(inbox).toHaveLength(1);
    } finally {
      await h.stop();
      await stopSmtp(server);
    }
  });

  it('without SMTP there is no job and no e-mail', async () => {
    const h = await startNotifications({ deliveryJob: true });
    try {
      expect(h.module.email).toBeNull();
      expect(h.module.jobs).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});
