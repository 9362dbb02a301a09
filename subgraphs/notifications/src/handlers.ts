import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, EventHandlerDefinition } from '../../../messaging/src/types';
import {
  EMPLOYEE_EVENTS,
  updateEmployeeCopy,
  type CopyKeeping,
  type EmployeeEventData,
} from '../../../runtime/src/employeeCopy';
import type { EmailSettings } from './email';
import { EmployeeCopySchema, type EmployeeCopy } from './entities';
import { storeNotifications } from './store';
import { notificationsFor } from './templates';

/** Events with a template (employee.created is among both). */
export const TEMPLATE_EVENTS = [
  'leave.request.created',
  'leave.request.approved',
  'leave.request.rejected',
  'leave.request.cancelled',
  'attendance.late_arrival.detected',
  'attendance.absence.detected',
  'attendance.day.processed',
  'accruals.balance_status.changed',
  'billing.day.closed',
  'audit.dead_letter.recorded',
  'compliance.violation.detected',
  'compliance.training.assigned',
  'compliance.training.due_reached',
];

type Patch = Partial<
  Pick<EmployeeCopy, 'firstName' | 'lastName' | 'email' | 'managerId' | 'status'>
>;

/** What an employees event says about who to tell and where (names may be cleared). */
function patchOf(type: string, data: EmployeeEventData): Patch {
  switch (type) {
    case 'employees.employee.created':
      return {
        firstName: data.firstName,
        lastName: data.lastName,
        email: data.email,
        status: data.status,
        managerId: data.managerId ?? null,
      };
    case 'employees.employee.updated': {
      const patch: Patch = {};
      for (const field of ['firstName', 'lastName', 'email'] as const) {
        const change = data.changes?.[field];
        if (change && 'new' in change) patch[field] = (change.new as string | null) ?? null;
      }
      return patch;
    }
    case 'employees.employee.status_changed':
      return { status: data.to };
    case 'employees.employee.terminated':
      return { status: 'TERMINATED' };
    case 'employees.manager.assigned':
      return { managerId: data.managerId ?? null };
    default:
      return {};
  }
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
  if (EMPLOYEE_EVENTS.includes(event.type)) await updateEmployeeCopy(em, event, employeeCopy);
}

export interface HandlerSettings {
  email: EmailSettings | null;
  hrRecipientIds: readonly string[];
  financeRecipientIds: readonly string[];
  adminRecipientIds: readonly string[];
  now: () => Date;
}

/**
 * One consumer: keeps the copy of employees, then stores what the event's template says, in
 * the transaction that records the inbox entry (so once per event).
 */
export function createNotifyHandler(settings: HandlerSettings): EventHandlerDefinition {
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
