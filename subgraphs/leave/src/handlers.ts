import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedHandler } from '../../../messaging';
import {
  AGREEMENT_EVENTS,
  type AgreementEvent,
  keepEmployeeCopy,
  keepNewest,
  keepNewestOfEach,
} from '../../../runtime';
import { AgreementCopySchema, EmployeeCopySchema } from './entities';

const employeeCopy = keepEmployeeCopy(EmployeeCopySchema);

/** What a write asks of the copy before it needs an employee (`knowEmployee`). */
export const employeeKnowing = employeeCopy.knowing;

/**
 * Applies one employees event to leave's copy: status, manager, location, zone and the
 * hire and termination dates.
 */
export const applyEmployeeEvent = employeeCopy.apply;

/** What leave keeps of an agreement's version. */
const agreementFields = ({ data }: AgreementEvent) => ({
  employeeId: data.employeeId,
  startDate: data.startDate,
  endDate: data.endDate,
  fteUnits: Math.round(data.fte * 10_000),
  annualLeaveHundredths:
    data.annualLeaveDays === undefined ? null : Math.round(data.annualLeaveDays * 100),
  workingDays: data.workingDays?.length ? data.workingDays : null,
  version: data.version,
});

/** Applies one agreements event: the copy takes the newest version of the agreement. */
export async function applyAgreementEvent(em: EntityManager, event: AgreementEvent): Promise<void> {
  await keepNewest(em, AgreementCopySchema, event.data.agreementId, agreementFields(event));
}

/** Keeps leave's copy of employees: status, manager, location, zone, hire date. */
export const employeeCopyHandler = employeeCopy.handler;

/** Keeps leave's copy of agreements: FTE, the agreement year, entitlement and pattern. */
const applyToCopy = (event: AgreementEvent, { em }: { em: EntityManager }) =>
  applyAgreementEvent(em, event);

export const agreementCopyHandler: CataloguedHandler<AgreementEvent['type']> = {
  name: 'agreement_copy',
  types: AGREEMENT_EVENTS,
  handle: applyToCopy,
  handleBatch: (events, { em }) =>
    keepNewestOfEach(
      em,
      AgreementCopySchema,
      events.map((event) => ({ id: event.data.agreementId, fields: agreementFields(event) })),
    ),
};
