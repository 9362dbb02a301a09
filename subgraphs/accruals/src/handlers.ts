import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type {
  EventDraft,
  EventEnvelope,
  EventHandlerDefinition,
} from '../../../messaging/src/types';
import {
  patchKeeping,
  updateEmployeeCopy,
  type CopyKeeping,
  type EmployeeEventData,
} from '../../../runtime/src/employeeCopy';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  EntryCopySchema,
  SeenCorrelationSchema,
  type AccrualAmount,
  type EmployeeCopy,
} from './entities';
import { checkEmployeeStatus } from './balanceStatus';
import { lockEmployee, rebuildEmployee, reapplyEntry } from './ledger';
import { DEFAULT_LOCATION, DEFAULT_TIME_ZONE } from './rules';

export const ENTRY_EVENTS = ['time.entry.recorded', 'time.entry.amended', 'time.entry.deleted'];
export const AGREEMENT_EVENTS = [
  'agreements.agreement.created',
  'agreements.agreement.amended',
  'agreements.agreement.ended',
];
export const EMPLOYEE_EVENTS = [
  'employees.employee.created',
  'employees.employee.updated',
  'employees.manager.assigned',
];

type Emit = (draft: EventDraft) => void;

interface EntryData {
  employeeId: string;
  entryId: string;
  version: number;
  periodType: string;
  startTime: string;
  endTime: string | null;
  mealBreakMinutes: number;
}

interface AgreementData {
  agreementId: string;
  employeeId: string;
  version: number;
  startDate: string;
  endDate: string;
  targets: AccrualAmount[];
  openingBalances: AccrualAmount[];
  correlationId: string;
}

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
 * at a time and the version checks below cannot race.
 *
 * A time entry event: the copy takes the new version (older or equal versions change
 * nothing), then the entry's contributions are replaced and the touched balances rebuilt.
 */
export async function applyEntryEvent(
  em: EntityManager,
  event: EventEnvelope,
  emit: Emit,
  now: Date = new Date(),
) {
  const data = event.data as unknown as EntryData;
  await lockEmployee(em, data.employeeId);
  await remember(em, event.correlationid, event.type);
  let copy = await em.findOne(EntryCopySchema, data.entryId);
  if (copy && copy.version >= data.version) return;
  const fields = {
    employeeId: data.employeeId,
    periodType: data.periodType,
    startTime: new Date(data.startTime),
    endTime: data.endTime ? new Date(data.endTime) : null,
    mealBreakMinutes: data.mealBreakMinutes,
    version: data.version,
    deleted: event.type === 'time.entry.deleted',
  };
  if (copy) Object.assign(copy, fields);
  else em.persist((copy = em.create(EntryCopySchema, { id: data.entryId, ...fields })));
  await em.flush();
  await reapplyEntry(em, copy, emit);
  await checkEmployeeStatus(em, data.employeeId, now, emit);
}

/** An agreement event: the copy takes the newest version, then the employee is recomputed. */
export async function applyAgreementEvent(
  em: EntityManager,
  event: EventEnvelope,
  emit: Emit,
  now: Date = new Date(),
) {
  const data = event.data as unknown as AgreementData;
  await lockEmployee(em, data.employeeId);
  await remember(em, event.correlationid, event.type);
  if (data.correlationId && data.correlationId !== event.correlationid)
    await remember(em, data.correlationId, event.type);
  const copy = await em.findOne(AgreementCopySchema, data.agreementId);
  if (copy && copy.version >= data.version) return;
  const fields = {
    employeeId: data.employeeId,
    startDate: data.startDate,
    endDate: data.endDate,
    targets: data.targets,
    openingBalances: data.openingBalances,
    version: data.version,
  };
  if (copy) Object.assign(copy, fields);
  else em.persist(em.create(AgreementCopySchema, { id: data.agreementId, ...fields }));
  await em.flush();
  await rebuildEmployee(em, data.employeeId, emit);
  await checkEmployeeStatus(em, data.employeeId, now, emit);
}

/**
 * An employees event: keeps zone, location and manager. A change of zone or location
 * moves day boundaries and holidays, so the employee is recomputed.
 */
export async function applyEmployeeEvent(
  em: EntityManager,
  event: EventEnvelope,
  emit: Emit,
  now: Date = new Date(),
) {
  const data = event.data as unknown as EmployeeEventData;
  await lockEmployee(em, data.employeeId);
  await remember(em, event.correlationid, event.type);
  const change = await updateEmployeeCopy(em, event, employeeCopy);
  if (!change) return;
  const before = change.before ?? { location: DEFAULT_LOCATION, timeZone: DEFAULT_TIME_ZONE };
  const { after } = change;
  if (before.location === after.location && before.timeZone === after.timeZone) return;
  await rebuildEmployee(em, data.employeeId, emit);
  await checkEmployeeStatus(em, data.employeeId, now, emit);
}

/**
 * Applies any event accruals consumes; where balances changed, their status is checked on
 * the employee's local day at `now`.
 */
export async function applyEvent(
  em: EntityManager,
  event: EventEnvelope,
  emit: Emit,
  now: Date = new Date(),
) {
  if (ENTRY_EVENTS.includes(event.type)) return applyEntryEvent(em, event, emit, now);
  if (AGREEMENT_EVENTS.includes(event.type)) return applyAgreementEvent(em, event, emit, now);
  if (EMPLOYEE_EVENTS.includes(event.type)) return applyEmployeeEvent(em, event, emit, now);
}

/**
 * One durable consumer for every event accruals reads, so an entry and the agreement or
 * zone it depends on are applied in the order they were published.
 */
export function createLedgerHandler(now: () => Date): EventHandlerDefinition {
  return {
    name: 'ledger',
    types: [...ENTRY_EVENTS, ...AGREEMENT_EVENTS, ...EMPLOYEE_EVENTS],
    handle: (event, { em, emit }) => applyEvent(em, event, emit, now()),
  };
}
