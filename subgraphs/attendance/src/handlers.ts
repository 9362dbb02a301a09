import type { EntityManager } from '@mikro-orm/core';
import {
  type CataloguedEvent,
  type CataloguedHandler,
  type EventType,
  handleEachInBatch,
  isEventOf,
} from '../../../messaging';
import {
  AGREEMENT_EVENTS,
  type AgreementEvent,
  EMPLOYEE_EVENTS,
  keepEmployeeCopy,
  keepNewest,
  keepNewestOfEach,
} from '../../../runtime';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  LeaveCopySchema,
  ShiftCopySchema,
  type Weekday,
} from './entities';
import type { AttendancePolicies } from './attendancePolicies';
import { reprocessRecordedDays, type ProcessRun } from './processDay';
import { DEFAULT_WORKING_DAYS } from './rules';

export const SCHEDULE_EVENTS = ['time.schedule.published'] as const satisfies readonly EventType[];
export const LEAVE_EVENTS = [
  'leave.request.approved',
  'leave.request.cancelled',
] as const satisfies readonly EventType[];

type ScheduleEvent = CataloguedEvent<(typeof SCHEDULE_EVENTS)[number]>;
type LeaveEvent = CataloguedEvent<(typeof LEAVE_EVENTS)[number]>;

const employeeCopy = keepEmployeeCopy(EmployeeCopySchema);

/** What a write asks of the copy before it needs an employee (`knowEmployee`). */
export const employeeKnowing = employeeCopy.knowing;

/** Applies one employees event to attendance's copy (status, manager, place, dates). */
export const applyEmployeeEvent = employeeCopy.apply;

/** The agreement's working days; an agreement that names none works the default week. */
const workingDaysOf = (days: Weekday[] | undefined): Weekday[] =>
  days?.length ? days : DEFAULT_WORKING_DAYS;

/** Null when the agreement does not say: the ATTENDANCE policy's day length stands in. */
const weeklyMinutesOf = (hours: number | undefined): number | null =>
  hours !== undefined && hours > 0 && hours <= 168 ? Math.round(hours * 60) : null;

/** What attendance keeps of an agreement's version: its working pattern. */
const agreementFields = ({ data }: AgreementEvent) => ({
  employeeId: data.employeeId,
  startDate: data.startDate,
  endDate: data.endDate,
  workingDays: workingDaysOf(data.workingDays),
  weeklyMinutes: weeklyMinutesOf(data.weeklyHours),
  version: data.version,
});

/** An agreement event: the copy takes the newest version of its pattern. */
export async function applyAgreementEvent(em: EntityManager, event: AgreementEvent): Promise<void> {
  await keepNewest(em, AgreementCopySchema, event.data.agreementId, agreementFields(event));
}

/**
 * A published schedule: its shifts are added, the ones it replaced become tombstones. A
 * shift already known (a redelivery) or already replaced (a late copy of an older
 * publication) is left as it is, so the order events arrive in does not matter.
 */
export async function applyScheduleEvent(em: EntityManager, event: ScheduleEvent): Promise<void> {
  const { data } = event;
  const ids = [...data.shifts.map((s) => s.shiftId), ...data.replacedShiftIds];
  const known = new Map(
    (await em.find(ShiftCopySchema, { id: { $in: ids } })).map((s) => [s.id, s]),
  );
  for (const shift of data.shifts) {
    if (known.has(shift.shiftId)) continue;
    const row = em.create(ShiftCopySchema, {
      id: shift.shiftId,
      employeeId: data.employeeId,
      scheduleId: data.scheduleId,
      start: new Date(shift.start),
      end: new Date(shift.end),
      replaced: false,
    });
    em.persist(row);
    known.set(row.id, row);
  }
  for (const id of data.replacedShiftIds) {
    const existing = known.get(id);
    if (existing) existing.replaced = true;
    else
      em.persist(
        em.create(ShiftCopySchema, {
          id,
          employeeId: data.employeeId,
          scheduleId: null,
          start: null,
          end: null,
          replaced: true,
        }),
      );
  }
  await em.flush();
}

/**
 * An approved or cancelled leave request: the copy takes the newer version, then the days
 * it covers that were already processed are processed again (ON_LEAVE on approval; a
 * cancellation turns them back into what attendance shows, e.g. ABSENT).
 */
export async function applyLeaveEvent(
  em: EntityManager,
  event: LeaveEvent,
  run: Omit<ProcessRun, 'correlationId'>,
): Promise<void> {
  const { data } = event;
  const id = data.requestId;
  const copy = await em.findOne(LeaveCopySchema, id);
  if (copy && copy.version >= data.version) return;
  const fields = {
    employeeId: data.employeeId,
    leaveType: data.leaveType,
    startDate: data.startDate,
    endDate: data.endDate,
    startHalf: data.halfDayStart,
    endHalf: data.halfDayEnd,
    dates: data.dates.map((d) => d.date),
    status: data.status,
    version: data.version,
  };
  const before = copy ? { startDate: copy.startDate, endDate: copy.endDate } : null;
  if (copy) Object.assign(copy, fields);
  else em.persist(em.create(LeaveCopySchema, { id, ...fields }));
  await em.flush();
  const from = before && before.startDate < fields.startDate ? before.startDate : fields.startDate;
  const to = before && before.endDate > fields.endDate ? before.endDate : fields.endDate;
  const correlationId = event.correlationid;
  await reprocessRecordedDays(em, data.employeeId, { from, to }, { ...run, correlationId });
}

type CopyHandler = CataloguedHandler<
  (typeof EMPLOYEE_EVENTS | typeof AGREEMENT_EVENTS | typeof SCHEDULE_EVENTS)[number]
>;
const applyToCopies: CopyHandler['handle'] = async (event, { em }) => {
  if (isEventOf(EMPLOYEE_EVENTS, event)) return applyEmployeeEvent(em, event);
  if (isEventOf(AGREEMENT_EVENTS, event)) return applyAgreementEvent(em, event);
  if (isEventOf(SCHEDULE_EVENTS, event)) return applyScheduleEvent(em, event);
};

/**
 * The batch path. Each kind of event keeps a table of its own, so each kind is applied in
 * its own order: employees and agreements set-wise (one read, one flush), schedules in turn.
 */
const applyAllToCopies: CopyHandler['handleBatch'] = async (events, ctx) => {
  const { em } = ctx;
  await employeeCopy.handler.handleBatch!(
    events.filter((e) => isEventOf(EMPLOYEE_EVENTS, e)),
    ctx,
  );
  const agreements = events
    .filter((e) => isEventOf(AGREEMENT_EVENTS, e))
    .map((event) => ({
      id: event.data.agreementId,
      fields: agreementFields(event),
    }));
  await keepNewestOfEach(em, AgreementCopySchema, agreements);
  for (const event of events.filter((e) => isEventOf(SCHEDULE_EVENTS, e)))
    await applyScheduleEvent(em, event);
};

/** Copies of employees, agreements and schedules, in the order they were published. */
export const copyHandler: CopyHandler = {
  name: 'copies',
  types: [...EMPLOYEE_EVENTS, ...AGREEMENT_EVENTS, ...SCHEDULE_EVENTS],
  handle: applyToCopies,
  // A backlog (a bulk hire, a rota published for everyone) is read and written per batch.
  handleBatch: applyAllToCopies,
};

/** Approved and cancelled leave, which turns processed days into ON_LEAVE and back. */
export const createLeaveHandler = (
  policies: AttendancePolicies,
): CataloguedHandler<LeaveEvent['type']> => {
  const handle: CataloguedHandler<LeaveEvent['type']>['handle'] = (event, { em, emit }) =>
    applyLeaveEvent(em, event, { emit: (draft) => emit(draft), policies });
  return { name: 'leave', types: LEAVE_EVENTS, handle, handleBatch: handleEachInBatch(handle) };
};
