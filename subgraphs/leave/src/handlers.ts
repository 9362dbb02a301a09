import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, EventHandlerDefinition } from '../../../messaging/src/types';
import { DEFAULT_LOCATION, DEFAULT_TIME_ZONE } from '../../../runtime/src/calendar';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  type EmployeeCopy,
  type EmployeeStatus,
} from './entities';
import { WEEKDAYS, type Weekday } from './policies';

/** The employees events leave keeps its copy from. */
export const EMPLOYEE_EVENTS = [
  'employees.employee.created',
  'employees.employee.updated',
  'employees.employee.status_changed',
  'employees.employee.terminated',
  'employees.manager.assigned',
];

/** The agreements events leave keeps its copy from. */
export const AGREEMENT_EVENTS = [
  'agreements.agreement.created',
  'agreements.agreement.amended',
  'agreements.agreement.ended',
];

type Patch = Partial<
  Pick<
    EmployeeCopy,
    'status' | 'managerId' | 'location' | 'timeZone' | 'hireDate' | 'terminationDate'
  >
>;

interface EmployeeEventData {
  employeeId: string;
  version: number;
  status?: EmployeeStatus;
  managerId?: string | null;
  location?: string;
  timeZone?: string;
  hireDate?: string;
  to?: EmployeeStatus;
  terminationDate?: string;
  changes?: Record<string, { new?: unknown } | undefined>;
}

const changed = (data: EmployeeEventData, field: string): string | undefined => {
  const value = data.changes?.[field]?.new;
  return typeof value === 'string' ? value : undefined;
};

/** What an employees event says about the fields leave keeps. */
function patchOf(type: string, data: EmployeeEventData): Patch {
  switch (type) {
    case 'employees.employee.created':
      return {
        status: data.status,
        managerId: data.managerId ?? null,
        location: data.location,
        timeZone: data.timeZone,
        hireDate: data.hireDate,
      };
    case 'employees.employee.updated':
      return {
        location: changed(data, 'location'),
        timeZone: changed(data, 'timeZone'),
        hireDate: changed(data, 'hireDate'),
      };
    case 'employees.employee.status_changed':
      return { status: data.to };
    case 'employees.employee.terminated':
      return { status: 'TERMINATED', terminationDate: data.terminationDate };
    case 'employees.manager.assigned':
      return { managerId: data.managerId ?? null };
    default:
      return {};
  }
}

/**
 * Applies one employees event to leave's copy. An event no newer than the copy is ignored
 * (DESIGN.md §3.3), so redelivery and reordering never roll the copy back. An event about
 * an employee leave has not seen yet starts a copy with what it says.
 */
export async function applyEmployeeEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  const data = event.data as unknown as EmployeeEventData;
  const copy = await em.findOne(EmployeeCopySchema, data.employeeId);
  if (copy && copy.version >= data.version) return;
  const patch = patchOf(event.type, data);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (copy) {
    Object.assign(copy, defined, { version: data.version, updatedAt: new Date() });
  } else {
    em.persist(
      em.create(EmployeeCopySchema, {
        id: data.employeeId,
        status: 'ACTIVE',
        managerId: null,
        location: DEFAULT_LOCATION,
        timeZone: DEFAULT_TIME_ZONE,
        hireDate: null,
        terminationDate: null,
        ...defined,
        version: data.version,
        writeLock: 0,
        updatedAt: new Date(),
      }),
    );
  }
}

interface AgreementEventData {
  agreementId: string;
  employeeId: string;
  version: number;
  startDate: string;
  endDate: string;
  fte: number;
  /** Not in agreements' v1 events; taken when a later version carries it. */
  annualLeaveDays?: number;
  workingDays?: string[];
}

/** Applies one agreements event: the copy takes the newest version of the agreement. */
export async function applyAgreementEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  const data = event.data as unknown as AgreementEventData;
  const copy = await em.findOne(AgreementCopySchema, data.agreementId);
  if (copy && copy.version >= data.version) return;
  const workingDays = Array.isArray(data.workingDays)
    ? (data.workingDays.filter((d) => WEEKDAYS.includes(d as Weekday)) as Weekday[])
    : null;
  const fields = {
    employeeId: data.employeeId,
    startDate: data.startDate,
    endDate: data.endDate,
    fteUnits: Math.round(data.fte * 10_000),
    annualLeaveHundredths:
      typeof data.annualLeaveDays === 'number' ? Math.round(data.annualLeaveDays * 100) : null,
    workingDays: workingDays?.length ? workingDays : null,
    version: data.version,
  };
  if (copy) Object.assign(copy, fields);
  else em.persist(em.create(AgreementCopySchema, { id: data.agreementId, ...fields }));
}

/** Keeps leave's copy of employees: status, manager, location, zone, hire date. */
export const employeeCopyHandler: EventHandlerDefinition = {
  name: 'employee_copy',
  types: EMPLOYEE_EVENTS,
  handle: (event, { em }) => applyEmployeeEvent(em, event),
};

/** Keeps leave's copy of agreements: FTE, the agreement year, entitlement and pattern. */
export const agreementCopyHandler: EventHandlerDefinition = {
  name: 'agreement_copy',
  types: AGREEMENT_EVENTS,
  handle: (event, { em }) => applyAgreementEvent(em, event),
};
