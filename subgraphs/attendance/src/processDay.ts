import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedDraft } from '../../../messaging';
import { addDays, byEmployee, chunks } from '../../../runtime';
import {
  AgreementCopySchema,
  AttendanceDaySchema,
  AttendanceEntrySchema,
  EmployeeCopySchema,
  LeaveCopySchema,
  ShiftCopySchema,
  type AgreementCopy,
  type AttendanceDay,
  type AttendanceEntry,
  type EmployeeCopy,
  type LeaveCopy,
  type ShiftCopy,
} from './entities';
import * as events from './events';
import type { AttendancePolicies, AttendancePolicy, PolicyAt } from './attendancePolicies';
import {
  dayHasEnded,
  evaluateDay,
  firstCheckIn,
  localDayBounds,
  planDay,
  type DayOutcome,
  type DayPlan,
} from './rules';

/** What one run of processing did for a date. */
export interface ProcessResult {
  date: string;
  /** Employees whose day was evaluated (their local day had ended). */
  processed: number;
  /** Day rows created, changed or removed. */
  changed: number;
}

/** Where a run's events go, the chain it belongs to, and the rules it judges by. */
export interface ProcessRun {
  /** Records a follow-up event in the caller's transaction. */
  emit: (draft: CataloguedDraft) => void;
  correlationId: string;
  policies: AttendancePolicies;
}

export interface ProcessOptions extends ProcessRun {
  date: string;
  /** Only these employees; by default everyone attendance knows. */
  employeeIds?: string[];
  /** Days that have not ended at `now` in the employee's zone are left alone. */
  now: Date;
}

const FIELDS: (keyof DayOutcome)[] = [
  'status',
  'checkInTime',
  'checkOutTime',
  'workedMinutes',
  'plannedMinutes',
  'lateByMinutes',
  'earlyExitMinutes',
  'overtimeMinutes',
  'leaveRequestId',
];

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
    : a === b;

const unchanged = (row: AttendanceDay, outcome: DayOutcome) =>
  FIELDS.every((field) => same(row[field as keyof AttendanceDay], outcome[field]));

/**
 * The day's break: the minutes between each check-out and the next check-in, added up
 * (overlapping entries add nothing). Compliance judges the minimum break by it.
 */
function breakMinutesOf(entries: AttendanceEntry[]): number {
  const sorted = [...entries].sort((a, b) => a.checkInTime.getTime() - b.checkInTime.getTime());
  let minutes = 0;
  for (let i = 1; i < sorted.length; i++) {
    const out = sorted[i - 1].checkOutTime;
    if (out)
      minutes += Math.max(
        0,
        Math.floor((sorted[i].checkInTime.getTime() - out.getTime()) / 60_000),
      );
  }
  return minutes;
}

/** Everything processing reads for a date and some employees, a few queries per 500 people. */
async function load(em: EntityManager, ids: string[], date: string) {
  const agreements: AgreementCopy[] = [];
  const shifts: ShiftCopy[] = [];
  const entries: AttendanceEntry[] = [];
  const leave: LeaveCopy[] = [];
  const days: AttendanceDay[] = [];
  // Shifts are cut by local day later; a window of a day either side covers every zone.
  const from = new Date(`${addDays(date, -1)}T00:00:00Z`);
  const to = new Date(`${addDays(date, 2)}T00:00:00Z`);
  for (const part of chunks(ids)) {
    const employeeId = { $in: part };
    agreements.push(
      ...(await em.find(AgreementCopySchema, {
        employeeId,
        startDate: { $lte: date },
        endDate: { $gte: date },
      })),
    );
    shifts.push(
      ...(await em.find(ShiftCopySchema, {
        employeeId,
        replaced: false,
        start: { $gte: from, $lt: to },
      })),
    );
    entries.push(
      ...(await em.find(AttendanceEntrySchema, { employeeId, date, supersededById: null })),
    );
    leave.push(
      ...(await em.find(LeaveCopySchema, {
        employeeId,
        status: 'APPROVED',
        startDate: { $lte: date },
        endDate: { $gte: date },
      })),
    );
    days.push(...(await em.find(AttendanceDaySchema, { employeeId, date })));
  }
  return {
    agreements: byEmployee(agreements),
    shifts: byEmployee(shifts),
    entries: byEmployee(entries),
    leave: byEmployee(leave),
    days: new Map(days.map((d) => [d.employeeId, d])),
  };
}

/** What processing reads of one person's day. */
export interface DayInputs {
  agreements: AgreementCopy[];
  shifts: ShiftCopy[];
  /** The day's live entries (not superseded). */
  entries: AttendanceEntry[];
  leave: LeaveCopy[];
}

/** A day judged: its plan and outcome, and the policy versions that decided them. */
export interface JudgedDay {
  plan: DayPlan;
  outcome: DayOutcome | null;
  /** In force at the start of the local day: the plan, half day, early exit, overtime. */
  dayPolicy: AttendancePolicy;
  /** In force at the day's first check-in: its lateness. */
  checkInPolicy: AttendancePolicy;
}

/** What one person's day shows, each part judged by the ATTENDANCE version in force then. */
export function judgeDay(
  employee: EmployeeCopy,
  date: string,
  inputs: DayInputs,
  policyAt: PolicyAt,
): JudgedDay {
  const dayPolicy = policyAt(localDayBounds(date, employee.timeZone).start);
  const firstIn = firstCheckIn(inputs.entries);
  const checkInPolicy = firstIn ? policyAt(firstIn) : dayPolicy;
  const plan = planDay(date, employee, inputs.agreements, inputs.shifts, dayPolicy.rules);
  const outcome = evaluateDay({
    employee,
    plan,
    entries: inputs.entries,
    leave: inputs.leave,
    rules: dayPolicy.rules,
    checkInRules: checkInPolicy.rules,
  });
  return { plan, outcome, dayPolicy, checkInPolicy };
}

/** One person's inputs for a day, as processing reads them. */
export async function dayInputs(
  em: EntityManager,
  employeeId: string,
  date: string,
): Promise<DayInputs> {
  return inputsOf(await load(em, [employeeId], date), employeeId);
}

const inputsOf = (data: Awaited<ReturnType<typeof load>>, employeeId: string): DayInputs => ({
  agreements: data.agreements.get(employeeId) ?? [],
  shifts: data.shifts.get(employeeId) ?? [],
  entries: data.entries.get(employeeId) ?? [],
  leave: data.leave.get(employeeId) ?? [],
});

/**
 * Processes one local day for every employee whose day has ended: stores its outcome and
 * emits `attendance.day.processed`, plus `attendance.late_arrival.detected` and
 * `attendance.absence.detected` when the day becomes late or absent. Running it again
 * with nothing changed writes nothing and emits nothing; a changed input (a correction, a
 * cancelled leave) updates the row, with a new version.
 */
export async function processDay(
  em: EntityManager,
  options: ProcessOptions,
): Promise<ProcessResult> {
  const { date, now, emit } = options;
  const employees = await em.find(
    EmployeeCopySchema,
    options.employeeIds ? { id: { $in: options.employeeIds } } : {},
    { orderBy: { id: 'asc' } },
  );
  const due = employees.filter((e: EmployeeCopy) => dayHasEnded(date, e.timeZone, now));
  if (!due.length) return { date, processed: 0, changed: 0 };
  const data = await load(
    em,
    due.map((e) => e.id),
    date,
  );
  const policyAt = await options.policies.read(em);
  let changed = 0;
  for (const employee of due) {
    const inputs = inputsOf(data, employee.id);
    const { outcome, dayPolicy, checkInPolicy } = judgeDay(employee, date, inputs, policyAt);
    const row = data.days.get(employee.id);
    if (!outcome) {
      if (row) {
        row.version += 1;
        emit(events.dayCleared(row, dayPolicy.version));
        em.remove(row);
        changed++;
      }
      continue;
    }
    if (row && unchanged(row, outcome)) continue;
    const before = row ? { status: row.status, late: row.lateByMinutes > 0 } : null;
    let day: AttendanceDay;
    if (row) {
      Object.assign(row, outcome, {
        version: row.version + 1,
        processedAt: now,
        correlationId: options.correlationId,
      });
      day = row;
    } else {
      day = em.create(AttendanceDaySchema, {
        id: uuidv7(),
        employeeId: employee.id,
        date,
        ...outcome,
        version: 1,
        processedAt: now,
        correlationId: options.correlationId,
      });
      em.persist(day);
    }
    changed++;
    emit(
      events.dayProcessed(
        day,
        dayPolicy.version,
        breakMinutesOf(data.entries.get(employee.id) ?? []),
      ),
    );
    if (day.lateByMinutes > 0 && !before?.late)
      emit(events.lateArrivalDetected(day, employee.managerId ?? null, checkInPolicy.version));
    if (day.status === 'ABSENT' && before?.status !== 'ABSENT')
      emit(events.absenceDetected(day, employee.managerId ?? null));
  }
  await em.flush();
  return { date, processed: due.length, changed };
}

/** Reprocesses the days of one employee that already have a record, e.g. after a leave change. */
export async function reprocessRecordedDays(
  em: EntityManager,
  employeeId: string,
  days: { from: string; to: string },
  run: ProcessRun,
): Promise<void> {
  const { from, to } = days;
  const rows = await em.find(
    AttendanceDaySchema,
    { employeeId, date: { $gte: from, $lte: to } },
    { orderBy: { date: 'asc' } },
  );
  for (const row of rows)
    await processDay(em, { ...run, date: row.date, employeeIds: [employeeId], now: new Date() });
}
