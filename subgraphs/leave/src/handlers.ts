import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedHandler } from '../../../messaging';
import { AGREEMENT_EVENTS, type AgreementEvent, keepEmployeeCopy } from '../../../runtime';
import { type AgreementCopy, AgreementCopySchema, EmployeeCopySchema } from './entities';

const employeeCopy = keepEmployeeCopy(EmployeeCopySchema);

/** What a write asks of the copy before it needs an employee (`knowEmployee`). */
export const employeeKnowing = employeeCopy.knowing;

/**
 * Applies one employees event to leave's copy: status, manager, location, zone and the
 * hire and termination dates.
 */
export const applyEmployeeEvent = employeeCopy.apply;

/** Applies one agreements event: the copy takes the newest version of the agreement. */
export async function applyAgreementEvent(em: EntityManager, event: AgreementEvent): Promise<void> {
  applyToAgreement(em, await em.findOne(AgreementCopySchema, event.data.agreementId), event);
}

/** The batch path: the agreements the events name read once, changed in order. */
async function applyAgreementEvents(em: EntityManager, events: AgreementEvent[]): Promise<void> {
  const ids = [...new Set(events.map((event) => event.data.agreementId))];
  const found = await em.find(AgreementCopySchema, { id: { $in: ids } });
  const copies = new Map(found.map((copy) => [copy.id, copy]));
  for (const event of events) {
    const copy = applyToAgreement(em, copies.get(event.data.agreementId) ?? null, event);
    if (copy) copies.set(copy.id, copy);
  }
}

/** The event's change to `copy` (null: none yet), unflushed; null when it is no newer. */
function applyToAgreement(
  em: EntityManager,
  copy: AgreementCopy | null,
  { data }: AgreementEvent,
): AgreementCopy | null {
  if (copy && copy.version >= data.version) return null;
  const fields = {
    employeeId: data.employeeId,
    startDate: data.startDate,
    endDate: data.endDate,
    fteUnits: Math.round(data.fte * 10_000),
    annualLeaveHundredths:
      data.annualLeaveDays === undefined ? null : Math.round(data.annualLeaveDays * 100),
    workingDays: data.workingDays?.length ? data.workingDays : null,
    version: data.version,
  };
  if (copy) return Object.assign(copy, fields);
  const created = em.create(AgreementCopySchema, { id: data.agreementId, ...fields });
  em.persist(created);
  return created;
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
  handleBatch: (events, { em }) => applyAgreementEvents(em, events),
};
