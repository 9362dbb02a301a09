import { contractOperation } from '../../test-support/contractOperation';
import { platformSuite } from '../../test-support/platformSuite';
import { createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

const SEND = `mutation Send($input: SendNotificationInput!) {
  sendNotification(input: $input) { notificationId }
}`;

// Nobody may read another person's notifications: not through the audit log either.
describe('notifications in the audit log', () => {
  const tp = platformSuite({}, 120_000);
  const hr = { role: 'HR' as const, sub: 'service:hr' };

  it('show AUDITOR and ADMIN that a notification was sent, but not its title or body', async () => {
    const person = await createPerson(tp, 'Ines', 'Moreau');
    const title = 'Your disciplinary hearing';
    const body = 'Thursday at ten, room 4';
    // Notifications hears of the new employee by event: retry until it has.
    const sent = await waitFor(async () => {
      const reply = await tp.graphql(SEND, { input: { recipientId: person.id, title, body } }, hr);
      return reply.errors ? undefined : reply.data!.sendNotification.notificationId;
    });

    for (const role of ['AUDITOR', 'ADMIN'] as const) {
      const caller = { role, sub: `service:${role.toLowerCase()}` };
      const reply = await waitFor(async () => {
        const logs = await tp.graphql(
          contractOperation('AuditLogs'),
          { filter: { logType: 'notifications.notification.created' } },
          caller,
        );
        const found = logs.data?.auditLogs.nodes.some(
          (node: any) => node.newValues?.notificationId === sent,
        );
        return found ? logs : undefined;
      });
      const entry = reply.data!.auditLogs.nodes.find(
        (node: any) => node.newValues.notificationId === sent,
      );
      expect(entry.newValues).toMatchObject({ recipientId: person.id, title: '***' });
      expect(JSON.stringify(reply)).not.toMatch(/disciplinary|room 4/);
    }

    const exported = await fetch(tp.url.replace(/\/graphql$/, '/audit/export?format=csv'), {
      headers: {
        authorization: `Bearer ${await tp.token({ role: 'AUDITOR', sub: 'service:auditor' })}`,
      },
    });
    const csv = await exported.text();
    expect(csv).toContain(sent);
    expect(csv).not.toMatch(/disciplinary|room 4/);
  });
});
