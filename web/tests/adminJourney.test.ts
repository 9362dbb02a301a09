import { closeNats, connectNats, type NatsClients } from '../../messaging';
import { TEST_NATS_URL } from '../../test-support/createTestPlatform';
import {
  FRAGILE_CONSUMER,
  startFragileConsumer,
  type FragileConsumer,
} from '../../test-support/fragileConsumer';
import { waitFor } from '../../test-support/waitFor';
import { roleSuite, seriousViolations } from './roleSession';
import { openPage } from './support/webSuite';

let nats: NatsClients;
let fragile: FragileConsumer;

const COUNT = `query ($consumer: String) { deadLetters(consumer: $consumer) { totalCount } }`;

const admin = roleSuite('ADMIN', '/admin/dead-letters', {
  setUp: async ({ platform }) => {
    nats = await connectNats({ servers: TEST_NATS_URL, name: 'admin-journey' });
    fragile = await startFragileConsumer(nats, platform.namespace);
    await fragile.publish(1);
    await waitFor(async () => {
      const result = await platform.graphql(
        COUNT,
        { consumer: FRAGILE_CONSUMER },
        { role: 'ADMIN' },
      );
      return result.data?.deadLetters.totalCount === 1 ? true : undefined;
    });
  },
  tearDown: async () => {
    await fragile?.stop();
    if (nats) await closeNats(nats.nc);
  },
});

describe('an administrator in the browser', () => {
  it('sees a dead letter with why it failed, and discards it with a reason', async () => {
    const { page } = admin;
    const row = page.getByRole('row').filter({ hasText: FRAGILE_CONSUMER });
    await row.waitFor();
    expect(await row.textContent()).toContain('HANDLER_FAILED');
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByLabel('Reason to discard').fill('Probe event, not needed');
    await row.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('status').filter({ hasText: 'discarded' }).waitFor();
    await page.getByText('No dead letters.').waitFor();
  });

  it('names an invited administrator once, by the e-mail that is their only name', async () => {
    const { page, context } = await openPage(admin.browser);
    try {
      // Accounts names an account without an employee record by its e-mail, as the first
      // administrator's invitation is; its token is known only from the log, so it is stood in.
      const email = 'admin@localhost';
      await page.route('**/invitations/first-admin', (route) =>
        route.fulfill({ json: { email, name: email, expiresAt: '2099-01-01T00:00:00Z' } }),
      );
      await page.goto(`${admin.platform.origin}/invite/first-admin`);
      await page
        .getByText(`${email}: choose a password to finish setting up your account.`)
        .waitFor();
      expect(await page.getByText(`${email} (${email})`).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('without an employee record, lands on its first page and is told why it has no leave', async () => {
    const { page } = admin;
    await page.goto(`${admin.platform.origin}/`);
    // The home page is one's own day; an account with no employee record goes on to its
    // first page, its notifications.
    await page.waitForURL(`${admin.platform.origin}/notifications`);
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    expect(await page.getByRole('link', { name: 'Leave', exact: true }).count()).toBe(0);

    await page.goto(`${admin.platform.origin}/leave`);
    await page.getByRole('heading', { name: 'Not an employee' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Notifications' }).click();
    await page.waitForURL(`${admin.platform.origin}/notifications`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
