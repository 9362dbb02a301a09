import type { EntityManager } from '@mikro-orm/core';
import { type CataloguedHandler, type EventEnvelope, isEventOf } from '../../../messaging';
import {
  type CopyKeeping,
  EMPLOYEE_EVENTS,
  type EmployeeEventData,
  patchKeeping,
  updateEmployeeCopy,
} from '../../../runtime';
import { EmployeeCopySchema, type EmployeeCopy } from './entities';
import type { NotificationsSettings } from './settings';
import { storeNotifications } from './storeNotifications';
import { notificationsFor, TEMPLATE_EVENTS, type TemplateEvent } from './templates';

type Patch = Partial<
  Pick<EmployeeCopy, 'firstName' | 'lastName' | 'email' | 'managerId' | 'status'>
>;

const NAME_FIELDS = ['firstName', 'lastName', 'email'] as const;

/** Status and manager, as the kit reads them for every copy. */
const placement = patchKeeping(['status', 'managerId'] as const);

/** What an employees event says about who to tell and where (names may be cleared). */
function patchOf(type: string, data: EmployeeEventData): Patch {
  const patch: Patch = placement(type, data);
  if (type === 'employees.employee.created')
    return { ...patch, firstName: data.firstName, lastName: data.lastName, email: data.email };
  if (type === 'employees.employee.updated')
    for (const field of NAME_FIELDS) {
      const change = data.changes?.[field];
      if (change && 'new' in change) patch[field] = (change.new as string | null) ?? null;
    }
  return patch;
}

const employeeCopy: CopyKeeping<EmployeeCopy> = {
  schema: EmployeeCopySchema,
  patch: patchOf,
  blank: () => ({
    firstName: null,
    lastName: null,
    email: null,
    managerId: null,
    status: 'ACTIVE',
  }),
  dated: true,
};

/** Applies an employees event to the copy; any other event leaves it alone. */
export async function applyEmployeeEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  if (isEventOf(EMPLOYEE_EVENTS, event)) await updateEmployeeCopy(em, event, employeeCopy);
}

/**
 * One consumer: keeps the copy of employees, then stores what the event's template says, in
 * the transaction that records the inbox entry (so once per event).
 */
export function createNotifyHandler(
  settings: NotificationsSettings,
): CataloguedHandler<(typeof EMPLOYEE_EVENTS)[number] | TemplateEvent> {
  return {
    name: 'notify',
    types: [...EMPLOYEE_EVENTS, ...TEMPLATE_EVENTS],
    async handle(event, { em, emit }) {
      await applyEmployeeEvent(em, event);
      const drafts = await notificationsFor(event, {
        employee: (id) => em.findOne(EmployeeCopySchema, id),
        hr: settings.hrRecipientIds,
        finance: settings.financeRecipientIds,
        admin: settings.adminRecipientIds,
      });
      if (drafts.length === 0) return;
      await storeNotifications({ em, emit, now: settings.now(), email: settings.email }, drafts);
    },
  };
}
