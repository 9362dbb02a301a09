import type { Page, WebSocket } from 'playwright-core';
import { createSignedUpEmployee, signInThroughApp } from '../../test-support/browser';
import { contractOperation as op } from '../../test-support/contractOperation';
import { waitFor } from '../../test-support/waitFor';
import { seriousViolations } from './roleSession';
import { workingDayAfter } from './support/days';
import { webSuite } from './support/webSuite';

const SEND = `mutation Send($input: SendNotificationInput!) {
  sendNotification(input: $input) { notificationId }
}`;
const HR = { role: 'HR' as const, sub: 'service:hr' };

let nurse: { id: string; email: string };

/** Sends the nurse a notification as HR; its id. */
async function notify(title: string): Promise<string> {
  const input = { recipientId: nurse.id, title, body: `${title}, in full.` };
  const reply = await web.platform.graphql(SEND, { input }, HR);
  expect(reply.errors).toBeUndefined();
  return reply.data!.sendNotification.notificationId;
}

/** The nurse's notifications as the API has them, newest first. */
async function notificationsOfNurse(): Promise<{ id: string; title: string }[]> {
  const reply = await web.platform.graphql(
    'query { myNotifications(first: 50) { nodes { id title } } }',
    {},
    { role: 'EMPLOYEE', sub: nurse.id },
  );
  return reply.data!.myNotifications.nodes;
}

interface Frame {
  id?: string;
  type: string;
  payload?: {
    extensions?: { cursor?: string };
    data?: { notificationReceived?: { id: string } };
  };
}

/** One socket the page opened: the graphql-ws messages it sent and received, in order. */
interface Socket {
  sent: Frame[];
  received: Frame[];
}

/** Every socket the page opens, in order. */
function recordSockets(page: Page): Socket[] {
  const sockets: Socket[] = [];
  page.on('websocket', (ws: WebSocket) => {
    const socket: Socket = { sent: [], received: [] };
    sockets.push(socket);
    ws.on('framesent', ({ payload }) => socket.sent.push(JSON.parse(String(payload))));
    ws.on('framereceived', ({ payload }) => socket.received.push(JSON.parse(String(payload))));
  });
  return sockets;
}

/** The notifications a socket pushed, as `subscription|notification` ids, in order. */
const pushed = (socket: Socket): string[] =>
  socket.received.flatMap((f) => {
    const id = f.payload?.data?.notificationReceived?.id;
    return f.type === 'next' && id ? [`${f.id}|${id}`] : [];
  });

const web = webSuite({
  setUp: async ({ platform }) => {
    nurse = await createSignedUpEmployee(platform, 'Nell', 'Shift');
    // Notifications and leave hear of the hire by event: retry until both have.
    await waitFor(() => notify('Welcome aboard').catch(() => undefined));
  },
});

describe('live updates after a lost connection', () => {
  it('shows a banner, then resumes from its cursor: each missed notification once, no reload', async () => {
    // A weekday ten days from now.
    const leaveDay = workingDayAfter(10);
    const requested = await waitFor(async () => {
      const reply = await web.platform.graphql(
        op('RequestLeave'),
        { input: { leaveType: 'SICK', startDate: leaveDay, endDate: leaveDay } },
        { role: 'EMPLOYEE', sub: nurse.id },
      );
      return reply.errors ? undefined : (reply.data!.requestLeave.id as string);
    });

    const context = await web.browser.newContext();
    try {
      const page = await context.newPage();
      const sockets = recordSockets(page);
      await signInThroughApp(page, web.platform.origin, nurse.email);
      await page.getByRole('link', { name: 'Notifications' }).click();
      const list = page.getByRole('list', { name: 'Your notifications' });
      await list.getByText('Welcome aboard', { exact: true }).waitFor();
      const reloads: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) reloads.push(frame.url());
      });

      // One arrives live once every subscription of the page is: the page now holds a cursor.
      const engine = web.platform.platform.gateway.subscriptions!.engine;
      const subscribes = () => sockets.at(-1)!.sent.filter((f) => f.type === 'subscribe').length;
      await waitFor(async () => (subscribes() > 0 && engine.open() >= subscribes()) || undefined);
      await notify('Before the cut');
      await list.getByText('Before the cut', { exact: true }).waitFor();
      const live = sockets.at(-1)!;
      const lastCursor = live.received.filter((f) => f.type === 'next').at(-1)!.payload!.extensions!
        .cursor!;
      expect(lastCursor).toMatch(/^\d+$/);

      const before = await notificationsOfNurse();
      await context.setOffline(true);
      const banner = page.getByRole('status').filter({ hasText: 'Live updates are paused' });
      await banner.waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // Meanwhile HR writes twice and approves the nurse's leave (which tells her too).
      await notify('Missed while away: one');
      await notify('Missed while away: two');
      const approved = await web.platform.graphql(
        op('ApproveLeave'),
        { input: { id: requested } },
        HR,
      );
      expect(approved.errors).toBeUndefined();
      const socketsBeforeBack = sockets.length;

      await context.setOffline(false);
      await banner.waitFor({ state: 'detached', timeout: 30_000 });
      await list.getByText('Missed while away: one', { exact: true }).waitFor();
      await list.getByText('Missed while away: two', { exact: true }).waitFor();

      // A new socket subscribed again with the cursor of the last result seen before the cut…
      const resumed = sockets
        .slice(socketsBeforeBack)
        .find((socket) => socket.sent.some((f) => f.type === 'subscribe'))!;
      const resubscribed = resumed.sent.filter((f) => f.type === 'subscribe');
      expect(resubscribed.map((f) => f.payload?.extensions?.cursor)).toContain(lastCursor);
      // …and the gateway replayed every notification missed, once each, the approval's among
      // them: all of the nurse's notifications but those she had before the cut.
      const nodes = await notificationsOfNurse();
      const missed = nodes.filter((n) => !before.some((b) => b.id === n.id));
      expect(missed.length).toBeGreaterThanOrEqual(3);
      for (const { id: subscription } of resubscribed) {
        const replayed = () =>
          pushed(resumed)
            .filter((key) => key.startsWith(`${subscription}|`))
            .map((key) => key.split('|')[1]);
        await waitFor(async () => missed.every((n) => replayed().includes(n.id)) || undefined);
        expect(replayed()).toEqual(missed.map((n) => n.id).reverse());
      }

      // On screen: every notification exactly once.
      await waitFor(async () =>
        (await list.getByRole('listitem').count()) === nodes.length ? true : undefined,
      );
      for (const node of nodes)
        expect(await list.getByText(node.title, { exact: true }).count()).toBe(1);
      expect(reloads).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
