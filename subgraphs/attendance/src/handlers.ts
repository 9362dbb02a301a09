import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedHandler, EventEnvelope } from '../../../messaging';
import { EMPLOYEE_EVENTS, keepEmployeeCopy } from '../../../runtime';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  LeaveCopySchema,
  ShiftCopySchema,
  WEEKDAYS,
  type Weekday,
} from './entities';
import type { AttendancePolicies } from './attendancePolicies';
import { reprocessRecordedDays, type ProcessRun } from './processDay';
import { DEFAULT_WORKING_DAYS } from './rules';

export const AGREEMENT_EVENTS = [
  'agreements.agreement.created',
  'agreements.agreement.amended',
  'agreements.agreement.ended',
];
export const SCHEDULE_EVENTS = ['time.schedule.published'];
export const LEAVE_APPROVED = 'leave.request.approved';
export const LEAVE_CANCELLED = 'leave.request.cancelled';
export const LEAVE_EVENTS = [LEAVE_APPROVED, LEAVE_CANCELLED];

const employeeCopy = keepEmployeeCopy(EmployeeCopySchema);

/** What a write asks of the copy before it needs an employee (`knowEmployee`). */
export const employeeKnowing = employeeCopy.knowing;

/** Applies one employees event to attendance's copy (status, manager, place, dates). */
export const applyEmployeeEvent = employeeCopy.apply;

interface AgreementEventData {
  agreementId: string;
  employeeId: string;
  version: number;
  startDate: string;
  endDate: string;
  /** Not (yet) in agreements' v1 events; read when present. */
  workingDays?: unknown;
  weeklyHours?: unknown;
}

const workingDaysOf = (value: unknown): Weekday[] =>
  Array.isArray(value) && value.length && value.every((d) => WEEKDAYS.includes(d as Weekday))
    ? (value as Weekday[])
    : DEFAULT_WORKING_DAYS;

/** Null when the agreement does not say: the ATTENDANCE policy's day length stands in. */
const weeklyMinutesOf = (value: unknown): number | null =>
  typeof value === 'number' && value > 0 && value <= 168 ? Math.round(value * 60) : null;

/** An agreement event: the copy takes the newest version of its pattern. */
export async function applyAgreementEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  const data = event.data as unknown as AgreementEventData;
  const copy = await em.findOne(AgreementCopySchema, data.agreementId);
  if (copy && copy.version >= data.version) return;
  const fields = {
    employeeId: data.employeeId,
    startDate: data.startDate,
    endDate: data.endDate,
    workingDays: workingDaysOf(data.workingDays),
    weeklyMinutes: weeklyMinutesOf(data.weeklyHours),
    version: data.version,
  };
  if (copy) Object.assign(copy, fields);
  else em.persist(em.create(AgreementCopySchema, { id: data.agreementId, ...fields }));
  await em.flush();
}

interface ScheduleEventData {
  employeeId: string;
  scheduleId: string;
  shifts: { shiftId: string; start: string; end: string }[];
  replacedShiftIds: string[];
}

/**
 * A published schedule: its shifts are added, the ones it replaced become tombstones. A
 * shift already known (a redelivery) or already replaced (a late copy of an older
 * publication) is left as it is, so the order events arrive in does not matter.
 */
export async function applyScheduleEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  const data = event.data as unknown as ScheduleEventData;
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

interface LeaveEventData {
  requestId: string;
  employeeId: string;
  leaveType?: string;
  startDate: string;
  endDate: string;
  version: number;
  startHalf?: unknown;
  endHalf?: unknown;
  halfDayStart?: unknown;
  halfDayEnd?: unknown;
  dates?: { date: string; days: number }[];
}

/** A half-day flag in either spelling: a boolean, or `AM`/`PM`/`MORNING`/`AFTERNOON`. */
const half = (...values: unknown[]) =>
  values.some(
    (v) => v === true || (typeof v === 'string' && v !== '' && v !== 'NONE' && v !== 'FULL'),
  );

/**
 * An approved or cancelled leave request: the copy takes the newer version, then the days
 * it covers that were already processed are processed again (ON_LEAVE on approval; a
 * cancellation turns them back into what attendance shows, e.g. ABSENT).
 */
export async function applyLeaveEvent(
  em: EntityManager,
  event: EventEnvelope,
  run: Omit<ProcessRun, 'correlationId'>,
): Promise<void> {
  const data = event.data as unknown as LeaveEventData;
  const id = data.requestId ?? event.subject;
  const copy = await em.findOne(LeaveCopySchema, id);
  if (copy && copy.version >= data.version) return;
  const fields = {
    employeeId: data.employeeId,
    leaveType: data.leaveType ?? null,
    startDate: data.startDate,
    endDate: data.endDate,
    startHalf: half(data.startHalf, data.halfDayStart),
    endHalf: half(data.endHalf, data.halfDayEnd),
    dates: Array.isArray(data.dates) ? data.dates.map((d) => d.date) : null,
    status: event.type === LEAVE_CANCELLED ? ('CANCELLED' as const) : ('APPROVED' as const),
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

/** Copies of employees, agreements and schedules, in the order they were published. */
export const copyHandler: CataloguedHandler = {
  name: 'copies',
  types: [...EMPLOYEE_EVENTS, ...AGREEMENT_EVENTS, ...SCHEDULE_EVENTS],
  async handle(event, { em }) {
    if (EMPLOYEE_EVENTS.includes(event.type)) return applyEmployeeEvent(em, event);
    if (AGREEMENT_EVENTS.includes(event.type)) return applyAgreementEvent(em, event);
    if (SCHEDULE_EVENTS.includes(event.type)) return applyScheduleEvent(em, event);
  },
};

/** Approved and cancelled leave, which turns processed days into ON_LEAVE and back. */
export const createLeaveHandler = (policies: AttendancePolicies): CataloguedHandler => ({
  name: 'leave',
  types: LEAVE_EVENTS,
  handle: (event, { em, emit }) =>
    applyLeaveEvent(em, event, { emit: (draft) => emit(draft), policies }),
});
