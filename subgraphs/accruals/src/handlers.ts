import type { EntityManager } from '@mikro-orm/core';
import type {
  EventDraft,
  EventEnvelope,
  EventHandlerDefinition,
} from '../../../messaging/src/types';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  EntryCopySchema,
  SeenCorrelationSchema,
  type AccrualAmount,
} from './entities';
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

interface EmployeeData {
  employeeId: string;
  version: number;
  location?: string;
  timeZone?: string;
  managerId?: string | null;
  changes?: { location?: { new: unknown }; timeZone?: { new: unknown } };
}

/** Remembers that an event of this chain was applied, for `accrualsConsistency`. */
async function remember(em: EntityManager, correlationId: string, eventType: string) {
  const seen = await em.findOne(SeenCorrelationSchema, { correlationId });
  if (!seen)
    em.persist(
      em.create(SeenCorrelationSchema, { correlationId, eventType, appliedAt: new Date() }),
    );
}

/**
 * Each event takes the employee's lock first, so replicas apply one employee's events one
 * at a time and the version checks below cannot race.
 *
 * A time entry event: the copy takes the new version (older or equal versions change
 * nothing), then the entry's contributions are replaced and the touched balances rebuilt.
 */
export async function applyEntryEvent(em: EntityManager, event: EventEnvelope, emit: Emit) {
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
}

/** An agreement event: the copy takes the newest version, then the employee is recomputed. */
export async function applyAgreementEvent(em: EntityManager, event: EventEnvelope, emit: Emit) {
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
}

/**
 * An employees event: keeps zone, location and manager. A change of zone or location
 * moves day boundaries and holidays, so the employee is recomputed.
 */
export async function applyEmployeeEvent(em: EntityManager, event: EventEnvelope, emit: Emit) {
  const data = event.data as unknown as EmployeeData;
  await lockEmployee(em, data.employeeId);
  await remember(em, event.correlationid, event.type);
  const copy = await em.findOne(EmployeeCopySchema, data.employeeId);
  if (copy && copy.version >= data.version) return;
  const patch: { location?: string; timeZone?: string; managerId?: string | null } = {};
  if (event.type === 'employees.employee.created') {
    patch.location = data.location;
    patch.timeZone = data.timeZone;
    patch.managerId = data.managerId ?? null;
  } else if (event.type === 'employees.employee.updated') {
    const location = data.changes?.location?.new;
    const timeZone = data.changes?.timeZone?.new;
    if (typeof location === 'string') patch.location = location;
    if (typeof timeZone === 'string') patch.timeZone = timeZone;
  } else if (event.type === 'employees.manager.assigned') {
    patch.managerId = data.managerId ?? null;
  }
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const before = copy ? { location: copy.location, timeZone: copy.timeZone } : null;
  if (copy) Object.assign(copy, defined, { version: data.version });
  else
    em.persist(
      em.create(EmployeeCopySchema, {
        id: data.employeeId,
        location: DEFAULT_LOCATION,
        timeZone: DEFAULT_TIME_ZONE,
        managerId: null,
        ...defined,
        version: data.version,
      }),
    );
  await em.flush();
  const after = await em.findOneOrFail(EmployeeCopySchema, data.employeeId);
  const moved = before
    ? before.location !== after.location || before.timeZone !== after.timeZone
    : after.location !== DEFAULT_LOCATION || after.timeZone !== DEFAULT_TIME_ZONE;
  if (moved) await rebuildEmployee(em, data.employeeId, emit);
}

/** Applies any event accruals consumes. */
export async function applyEvent(em: EntityManager, event: EventEnvelope, emit: Emit) {
  if (ENTRY_EVENTS.includes(event.type)) return applyEntryEvent(em, event, emit);
  if (AGREEMENT_EVENTS.includes(event.type)) return applyAgreementEvent(em, event, emit);
  if (EMPLOYEE_EVENTS.includes(event.type)) return applyEmployeeEvent(em, event, emit);
}

/**
 * One durable consumer for every event accruals reads, so an entry and the agreement or
 * zone it depends on are applied in the order they were published.
 */
export const ledgerHandler: EventHandlerDefinition = {
  name: 'ledger',
  types: [...ENTRY_EVENTS, ...AGREEMENT_EVENTS, ...EMPLOYEE_EVENTS],
  handle: (event, { em, emit }) => applyEvent(em, event, emit),
};
