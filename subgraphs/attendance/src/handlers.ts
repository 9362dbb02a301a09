import type { EntityManager } from '@mikro-orm/core';
import {
  type CataloguedBatchContext,
  type CataloguedEvent,
  type CataloguedHandler,
  type EventType,
  isEventOf,
} from '../../../messaging';
import {
  AGREEMENT_EVENTS,
  type AgreementEvent,
  byEmployee,
  chunks,
  EMPLOYEE_EVENTS,
  keepEmployeeCopy,
  keepNewest,
  keepNewestOfEach,
} from '../../../runtime';
import {
  AgreementCopySchema,
  type AttendanceDay,
  AttendanceDaySchema,
  EmployeeCopySchema,
  type LeaveCopy,
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

/** What a leave event changed: the copy, and the days whose processing it may change. */
interface LeaveTaken {
  copy: LeaveCopy;
  days: { from: string; to: string };
}

/**
 * The leave event's change to `copy` (null: none yet), unflushed; null when it is no newer.
 * The days are the ones the request covers, before and after.
 */
function takeLeave(em: EntityManager, copy: LeaveCopy | null, { data }: LeaveEvent) {
  if (copy && copy.version >= data.version) return null;
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
  const from = before && before.startDate < fields.startDate ? before.startDate : fields.startDate;
  const to = before && before.endDate > fields.endDate ? before.endDate : fields.endDate;
  const row = copy
    ? Object.assign(copy, fields)
    : em.create(LeaveCopySchema, { id: data.requestId, ...fields });
  if (!copy) em.persist(row);
  return { copy: row, days: { from, to } } satisfies LeaveTaken;
}

/** The days `taken` covers processed again, with the event's chain (flushed first). */
async function reprocessLeave(
  em: EntityManager,
  event: LeaveEvent,
  taken: LeaveTaken,
  run: Omit<ProcessRun, 'correlationId'>,
) {
  await em.flush();
  const correlationId = event.correlationid;
  await reprocessRecordedDays(em, event.data.employeeId, taken.days, { ...run, correlationId });
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
  const copy = await em.findOne(LeaveCopySchema, event.data.requestId);
  const taken = takeLeave(em, copy, event);
  if (taken) await reprocessLeave(em, event, taken, run);
}

/**
 * The processed days of the batch's employees between the earliest and the latest date its
 * requests cover (as events or as copies), by employee. Leave only reprocesses days that
 * have a record and never makes one, so a day not found here needs no processing.
 */
async function recordedDaysOf(em: EntityManager, events: LeaveEvent[], copies: LeaveCopy[]) {
  const spans = [...events.map((e) => e.data), ...copies];
  const from = spans.map((s) => s.startDate).reduce((a, b) => (a < b ? a : b));
  const to = spans.map((s) => s.endDate).reduce((a, b) => (a > b ? a : b));
  const employees = [...new Set(events.map((e) => e.data.employeeId))];
  const days: AttendanceDay[] = [];
  for (const part of chunks(employees))
    days.push(
      ...(await em.find(AttendanceDaySchema, {
        employeeId: { $in: part },
        date: { $gte: from, $lte: to },
      })),
    );
  return byEmployee(days);
}

/**
 * The batch path, for a backlog of approvals: `applyLeaveEvent` event by event, with one read
 * of the copies and one of the processed days; only an event over a processed day flushes and
 * processes it again, in its turn, so days and their events follow the same order.
 */
async function applyLeaveInBatch(
  events: LeaveEvent[],
  { em, emit }: CataloguedBatchContext,
  policies: AttendancePolicies,
): Promise<void> {
  if (!events.length) return;
  const found: LeaveCopy[] = [];
  for (const part of chunks([...new Set(events.map((e) => e.data.requestId))]))
    found.push(...(await em.find(LeaveCopySchema, { id: { $in: part } })));
  const copies = new Map(found.map((copy) => [copy.id, copy]));
  const recorded = await recordedDaysOf(em, events, found);
  for (const event of events) {
    const taken = takeLeave(em, copies.get(event.data.requestId) ?? null, event);
    if (!taken) continue;
    copies.set(taken.copy.id, taken.copy);
    const { from, to } = taken.days;
    const days = recorded.get(event.data.employeeId) ?? [];
    if (!days.some((day) => day.date >= from && day.date <= to)) continue;
    await reprocessLeave(em, event, taken, { emit: (draft) => emit(event, draft), policies });
  }
  await em.flush();
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
  return {
    name: 'leave',
    types: LEAVE_EVENTS,
    handle,
    // A backlog of approvals, mostly of days to come, is read and written per batch.
    handleBatch: (events, ctx) => applyLeaveInBatch(events, ctx, policies),
  };
};
