import type { EntityManager } from '@mikro-orm/core';
import {
  type CataloguedHandler,
  type EventEnvelope,
  handleEachInBatch,
  isEventOf,
} from '../../../messaging';
import { EMPLOYEE_EVENTS, namedCopyKeeping, updateEmployeeCopy } from '../../../runtime';
import { EmployeeCopySchema } from './entities';
import type { NotificationsSettings } from './settings';
import { storeNotifications } from './storeNotifications';
import { notificationsFor, TEMPLATE_EVENTS, type TemplateEvent } from './templates';

/** Whom to tell and where: name, work e-mail, manager and status. */
const employeeCopy = namedCopyKeeping(EmployeeCopySchema);

/** Applies an employees event to the copy; any other event leaves it alone. */
export async function applyEmployeeEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  if (isEventOf(EMPLOYEE_EVENTS, event)) await updateEmployeeCopy(em, event, employeeCopy);
}

type Handler = CataloguedHandler<(typeof EMPLOYEE_EVENTS)[number] | TemplateEvent>;

/**
 * One consumer: keeps the copy of employees, then stores what the event's template says, in
 * the transaction that records the inbox entry (so once per event).
 */
export function createNotifyHandler(settings: NotificationsSettings): Handler {
  const handle: Handler['handle'] = async (event, { em, emit }) => {
    await applyEmployeeEvent(em, event);
    const drafts = await notificationsFor(event, {
      employee: (id) => em.findOne(EmployeeCopySchema, id),
      hr: settings.hrRecipientIds,
      finance: settings.financeRecipientIds,
      admin: settings.adminRecipientIds,
    });
    if (drafts.length === 0) return;
    await storeNotifications({ em, emit, now: settings.now(), email: settings.email }, drafts);
  };
  // A backlog (a bulk hire, a catch-up) commits once per batch, not once per event.
  return {
    name: 'notify',
    types: [...EMPLOYEE_EVENTS, ...TEMPLATE_EVENTS],
    handle,
    handleBatch: handleEachInBatch(handle),
  };
}
