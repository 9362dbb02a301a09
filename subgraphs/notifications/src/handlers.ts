import type { EntityManager } from '@mikro-orm/core';
import {
  type BatchHandlerContext,
  type CataloguedDraft,
  type CataloguedHandler,
  type EventEnvelope,
  isEventOf,
} from '../../../messaging';
import {
  EMPLOYEE_EVENTS,
  loadCopies,
  namedCopyKeeping,
  updateEmployeeCopy,
} from '../../../runtime';
import { EmployeeCopySchema } from './entities';
import type { NotificationsSettings } from './settings';
import { addNotifications, storedUnder, storeNotifications } from './storeNotifications';
import { type Directory, notificationsFor, TEMPLATE_EVENTS, type TemplateEvent } from './templates';

/** Whom to tell and where: name, work e-mail, manager and status. */
const employeeCopy = namedCopyKeeping(EmployeeCopySchema);

/** Applies an employees event to the copy; any other event leaves it alone. */
export async function applyEmployeeEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  if (isEventOf(EMPLOYEE_EVENTS, event)) await updateEmployeeCopy(em, event, employeeCopy);
}

type Handler = CataloguedHandler<(typeof EMPLOYEE_EVENTS)[number] | TemplateEvent>;

/** Who is who for the templates, given how to read a copy of an employee. */
const directoryOf = (
  settings: NotificationsSettings,
  employee: Directory['employee'],
): Directory => ({
  employee,
  hr: settings.hrRecipientIds,
  finance: settings.financeRecipientIds,
  admin: settings.adminRecipientIds,
});

/**
 * One consumer: keeps the copy of employees, then stores what the event's template says, in
 * the transaction that records the inbox entry (so once per event).
 */
export function createNotifyHandler(settings: NotificationsSettings): Handler {
  const handle: Handler['handle'] = async (event, { em, emit }) => {
    await applyEmployeeEvent(em, event);
    const dir = directoryOf(settings, (id) => em.findOne(EmployeeCopySchema, id));
    const drafts = await notificationsFor(event, dir);
    if (drafts.length === 0) return;
    await storeNotifications({ em, emit, now: settings.now(), email: settings.email }, drafts);
  };
  return {
    name: 'notify',
    types: [...EMPLOYEE_EVENTS, ...TEMPLATE_EVENTS],
    handle,
    handleBatch: (events, ctx) => notifyInBatch(settings, events, ctx),
  };
}

/** Ids an event's data names as an employee or a manager: copies a batch reads at once. */
const namedIds = (event: EventEnvelope) =>
  [event.data.employeeId, event.data.managerId].filter(
    (id): id is string => typeof id === 'string',
  );

/**
 * The batch path, for a backlog (a bulk hire, a catch-up): `handle`'s effect event by event,
 * with one read of the copies (the people the events name and the configured recipients) and
 * one of the notifications stored before, and one flush. Each event's templates and e-mail
 * addresses see the copy as the events before it left it.
 */
async function notifyInBatch(
  settings: NotificationsSettings,
  events: EventEnvelope[],
  { em, emit }: BatchHandlerContext<unknown>,
): Promise<void> {
  const { hrRecipientIds, financeRecipientIds, adminRecipientIds } = settings;
  const told = [...hrRecipientIds, ...financeRecipientIds, ...adminRecipientIds];
  const copies = await loadCopies(em, employeeCopy, [...events.flatMap(namedIds), ...told]);
  const planned = [];
  for (const event of events) {
    if (isEventOf(EMPLOYEE_EVENTS, event)) await copies.apply(event);
    const drafts = await notificationsFor(event, directoryOf(settings, copies.get));
    const addresses = new Map<string, string | null>();
    for (const { recipientId } of drafts)
      addresses.set(recipientId, (await copies.get(recipientId))?.email ?? null);
    planned.push({ event, drafts, addresses, now: settings.now() });
  }
  const stored = await storedUnder(
    em,
    planned.flatMap((plan) => plan.drafts),
  );
  for (const { event, drafts, addresses, now } of planned) {
    const ctx = {
      em,
      emit: (draft: CataloguedDraft) => emit(event, draft),
      now,
      email: settings.email,
    };
    addNotifications(ctx, drafts, { stored, address: (id) => addresses.get(id) });
  }
  await em.flush();
}
