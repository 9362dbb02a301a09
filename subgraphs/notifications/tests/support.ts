import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '../../../messaging';
import {
  foreignEvent,
  startSubgraph,
  type Caller,
  type SubgraphHarness,
} from '../../../test-support/startSubgraph';
import { createdData, leaveRequestData } from '../../../test-support/employeeEvents';
import { feedAsConsumer } from '../../../test-support/feedAsConsumer';
import { createNotifications, type NotificationsModule, type NotificationsOptions } from '../src';
import { EmailOutboxSchema, EmployeeCopySchema, NotificationSchema } from '../src/entities';

export interface NotificationsHarness extends SubgraphHarness {
  module: NotificationsModule;
  /** Hands an event to the consumer, as the runtime does (validated against the catalogue). */
  feed(event: EventEnvelope): Promise<void>;
  /** A foreign event of `type` with `data`, fed; returns the envelope. */
  send(type: string, data: Record<string, unknown>): Promise<EventEnvelope>;
  /** Makes an employee known (created event); returns its id. */
  hire(overrides?: Record<string, unknown>): Promise<string>;
  notificationsOf(recipientId: string): Promise<Loose[]>;
  all(): Promise<Loose[]>;
  emails(): Promise<Loose[]>;
  copy(id: string): Promise<Loose>;
}

type Loose = any;

export const as = (employeeId: string, role: Caller['role'] = 'EMPLOYEE'): Caller => ({
  role,
  sub: employeeId,
});

export { createdData };

export function leaveData(
  employeeId: string,
  managerId: string | null,
  extra: Record<string, unknown> = {},
) {
  return leaveRequestData(employeeId, ['2026-12-01', '2026-12-02', '2026-12-03'], {
    managerId,
    ...extra,
  });
}

export async function startNotifications(
  options: NotificationsOptions = {},
): Promise<NotificationsHarness> {
  const module = createNotifications({ deliveryJob: false, ...options });
  const h = await startSubgraph(module);
  const em = () => h.runtime.orm.em.fork();
  const feed = feedAsConsumer(h, module);
  const send = async (type: string, data: Record<string, unknown>) => {
    const event = foreignEvent(type, data);
    await feed(event);
    return event;
  };
  return {
    ...h,
    module,
    feed,
    send,
    async hire(overrides = {}) {
      const data = createdData(uuidv7(), overrides);
      await send('employees.employee.created', data);
      return data.employeeId as string;
    },
    notificationsOf: (recipientId) =>
      em().find(NotificationSchema, { recipientId }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
    all: () => em().find(NotificationSchema, {}, { orderBy: { id: 'asc' } }),
    emails: () => em().find(EmailOutboxSchema, {}, { orderBy: { id: 'asc' } }),
    copy: (id) => em().findOne(EmployeeCopySchema, id),
  };
}
