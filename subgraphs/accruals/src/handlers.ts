import type { EntityManager, EntitySchema } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import {
  type CataloguedEvent,
  type CataloguedHandler,
  type EventEnvelope,
  type EventType,
  isEventOf,
} from '../../../messaging';
import {
  AGREEMENT_EVENTS,
  type AgreementEvent,
  type CopyKeeping,
  patchKeeping,
  TIME_ENTRY_EVENTS,
  type TimeEntryEvent,
  updateEmployeeCopy,
} from '../../../runtime';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  EntryCopySchema,
  SeenCorrelationSchema,
  type EmployeeCopy,
} from './entities';
import { checkEmployeeStatus } from './balanceStatus';
import { emitting, type Emit } from './events';
import { lockEmployee, rebuildEmployee, reapplyEntry } from './ledger';
import { DEFAULT_LOCATION, DEFAULT_TIME_ZONE } from './rules';

export const EMPLOYEE_EVENTS = [
  'employees.employee.created',
  'employees.employee.updated',
  'employees.manager.assigned',
] as const satisfies readonly EventType[];

type EmployeeEvent = CataloguedEvent<(typeof EMPLOYEE_EVENTS)[number]>;
type LedgerEvent = TimeEntryEvent | AgreementEvent | EmployeeEvent;

/** Accruals keeps zone, location and manager of each employee. */
const employeeCopy: CopyKeeping<EmployeeCopy> = {
  schema: EmployeeCopySchema,
  patch: patchKeeping(['location', 'timeZone', 'managerId']),
  blank: () => ({ location: DEFAULT_LOCATION, timeZone: DEFAULT_TIME_ZONE, managerId: null }),
  dated: false,
};

/** Remembers that an event of this chain was applied, for `accrualsConsistency`. */
async function remember(em: EntityManager, correlationId: string, eventType: string) {
  await (em as SqlEntityManager)
    .createQueryBuilder(SeenCorrelationSchema)
    .insert({ correlationId, eventType, appliedAt: new Date() })
    .onConflict('correlationId')
    .ignore()
    .execute('run');
}

/**
 * Each event takes the employee's lock first, so replicas apply one employee's events one
 * at a time and the version checks below cannot race; then it is remembered.
 */
async function begin(
  em: EntityManager,
  event: Pick<EventEnvelope, 'correlationid' | 'type'>,
  employeeId: string,
) {
  await lockEmployee(em, employeeId);
  await remember(em, event.correlationid, event.type);
}

/**
 * Takes a newer version of a record into its copy and flushes; null when the copy holds
 * that version or a later one already (an older or repeated event changes nothing).
 */
async function keepNewest<T extends { id: string; version: number }>(
  em: EntityManager,
  schema: EntitySchema<T>,
  id: string,
  fields: Omit<T, 'id'>,
): Promise<T | null> {
  let copy = (await em.findOne(schema, id as never)) as T | null;
  if (copy && copy.version >= fields.version) return null;
  if (copy) Object.assign(copy, fields);
  else em.persist((copy = em.create(schema, { id, ...fields } as never)));
  await em.flush();
  return copy;
}

/**
 * A time entry event: the copy takes the new version, then the entry's contributions are
 * replaced and the touched balances rebuilt.
 */
export async function applyEntryEvent(
  em: EntityManager,
  event: TimeEntryEvent,
  emit: Emit,
  now: Date,
) {
  const { data } = event;
  await begin(em, event, data.employeeId);
  const copy = await keepNewest(em, EntryCopySchema, data.entryId, {
    employeeId: data.employeeId,
    periodType: data.periodType,
    startTime: new Date(data.startTime),
    endTime: data.endTime ? new Date(data.endTime) : null,
    mealBreakMinutes: data.mealBreakMinutes,
    version: data.version,
    deleted: event.type === 'time.entry.deleted',
  });
  if (!copy) return;
  await reapplyEntry(em, copy, emit);
  await checkEmployeeStatus(em, data.employeeId, now, emit);
}

/** An agreement event: the copy takes the newest version, then the employee is recomputed. */
export async function applyAgreementEvent(
  em: EntityManager,
  event: AgreementEvent,
  emit: Emit,
  now: Date,
) {
  const { data } = event;
  await begin(em, event, data.employeeId);
  if (data.correlationId && data.correlationId !== event.correlationid)
    await remember(em, data.correlationId, event.type);
  const copy = await keepNewest(em, AgreementCopySchema, data.agreementId, {
    employeeId: data.employeeId,
    startDate: data.startDate,
    endDate: data.endDate,
    targets: data.targets,
    openingBalances: data.openingBalances,
    version: data.version,
  });
  if (!copy) return;
  await rebuildEmployee(em, data.employeeId, emit);
  await checkEmployeeStatus(em, data.employeeId, now, emit);
}

/**
 * An employees event: keeps zone, location and manager. A change of zone or location
 * moves day boundaries and holidays, so the employee is recomputed.
 */
export async function applyEmployeeEvent(
  em: EntityManager,
  event: EmployeeEvent,
  emit: Emit,
  now: Date,
) {
  const { data } = event;
  await begin(em, event, data.employeeId);
  const change = await updateEmployeeCopy(em, event, employeeCopy);
  if (!change) return;
  const before = change.before ?? { location: DEFAULT_LOCATION, timeZone: DEFAULT_TIME_ZONE };
  const { after } = change;
  if (before.location === after.location && before.timeZone === after.timeZone) return;
  await rebuildEmployee(em, data.employeeId, emit);
  await checkEmployeeStatus(em, data.employeeId, now, emit);
}

/**
 * Applies any event accruals consumes (checked against the catalogue before it gets
 * here); where balances changed, their status is checked on the employee's local day at
 * `now`.
 */
export async function applyEvent(
  em: EntityManager,
  event: LedgerEvent,
  emit: Emit,
  now: Date = new Date(),
) {
  if (isEventOf(TIME_ENTRY_EVENTS, event)) return applyEntryEvent(em, event, emit, now);
  if (isEventOf(AGREEMENT_EVENTS, event)) return applyAgreementEvent(em, event, emit, now);
  if (isEventOf(EMPLOYEE_EVENTS, event)) return applyEmployeeEvent(em, event, emit, now);
}

/**
 * One durable consumer for every event accruals reads, so an entry and the agreement or
 * zone it depends on are applied in the order they were published.
 */
export function createLedgerHandler(now: () => Date): CataloguedHandler<LedgerEvent['type']> {
  return {
    name: 'ledger',
    types: [...TIME_ENTRY_EVENTS, ...AGREEMENT_EVENTS, ...EMPLOYEE_EVENTS],
    handle: (event, { em, emit }) => applyEvent(em, event, emitting(emit), now()),
  };
}
