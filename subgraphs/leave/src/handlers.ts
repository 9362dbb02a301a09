import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedHandler, EventEnvelope } from '../../../messaging';
import { keepEmployeeCopy } from '../../../runtime';
import { AgreementCopySchema, EmployeeCopySchema } from './entities';
import { WEEKDAYS, type Weekday } from './days';

/** The agreements events leave keeps its copy from. */
export const AGREEMENT_EVENTS = [
  'agreements.agreement.created',
  'agreements.agreement.amended',
  'agreements.agreement.ended',
];

const employeeCopy = keepEmployeeCopy(EmployeeCopySchema);

/** What a write asks of the copy before it needs an employee (`knowEmployee`). */
export const employeeKnowing = employeeCopy.knowing;

/**
 * Applies one employees event to leave's copy: status, manager, location, zone and the
 * hire and termination dates.
 */
export const applyEmployeeEvent = employeeCopy.apply;

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
export const employeeCopyHandler = employeeCopy.handler;

/** Keeps leave's copy of agreements: FTE, the agreement year, entitlement and pattern. */
export const agreementCopyHandler: CataloguedHandler = {
  name: 'agreement_copy',
  types: AGREEMENT_EVENTS,
  handle: (event, { em }) => applyAgreementEvent(em, event),
};
