import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import type { CataloguedDraft } from '../../../messaging';
import {
  type AttendanceRules,
  knowEmployee,
  localDate,
  lockEmployee,
  once,
  type SubgraphContext,
  withOptimisticLock,
} from '../../../runtime';
import {
  AgreementCopySchema,
  AttendanceDaySchema,
  AttendanceEntrySchema,
  EmployeeCopySchema,
  ShiftCopySchema,
  type AttendanceDay,
  type AttendanceEntry,
  type AttendanceStatus,
  type EmployeeCopy,
} from './entities';
import {
  ATTENDANCE,
  alreadyCheckedIn,
  entryNotFound,
  invalid,
  notCheckedIn,
  unknownEmployee,
} from './errors';
import * as events from './events';
import type {
  CheckInInput,
  CheckOutInput,
  ManualAttendanceInput,
  ProcessAttendanceDayInput,
} from './inputs';
import type { AttendanceLoaders } from './loaders';
import {
  assertCanCheckIn,
  assertCanProcess,
  assertCanReadAttendance,
  assertCanRecordManual,
} from './permissions';
import { processDay, type ProcessResult, type ProcessRun } from './processDay';
import { employeeKnowing } from './handlers';
import { openEntry } from './queries';
import type { AttendancePolicies, PolicyAt } from './attendancePolicies';
import {
  MAX_OPEN_MS,
  assertNoOverlap,
  attendingEmployee,
  checkedManualEntry,
  correctable,
} from './manualEntry';
import {
  dayHasEnded,
  earlyExitBy,
  lateBy,
  localDayBounds,
  planDay,
  workedMinutesOf,
  type DayOutcome,
  type DayPlan,
} from './rules';
import * as check from './inputs';

export type AttendanceContext = SubgraphContext<AttendanceLoaders>;

export { MAX_OPEN_MS };
/** The zone whose day ends first: a date not over there is over nowhere. */
const EARLIEST_ZONE = 'Pacific/Kiritimati';

/** A day as the API shows it: processed, or provisional from the day's entries. */
export type DayView = Omit<DayOutcome, 'leaveRequestId'> &
  Pick<AttendanceDay, 'date' | 'version'> & { processed: boolean };

export interface SummaryView {
  month: string;
  presentDays: number;
  absentDays: number;
  leaveDays: number;
  halfDays: number;
  incompleteDays: number;
  lateArrivals: number;
  workedMinutes: number;
  overtimeMinutes: number;
}

const viewOf = (day: AttendanceDay): DayView => ({
  date: day.date,
  status: day.status,
  checkInTime: day.checkInTime,
  checkOutTime: day.checkOutTime,
  workedMinutes: day.workedMinutes,
  plannedMinutes: day.plannedMinutes,
  lateByMinutes: day.lateByMinutes,
  earlyExitMinutes: day.earlyExitMinutes,
  overtimeMinutes: day.overtimeMinutes,
  processed: true,
  version: day.version,
});

/** A day not processed yet, from its live entries as they stand, under the day's rules. */
function provisional(date: string, entries: AttendanceEntry[], rules: AttendanceRules): DayView {
  const open = entries.some((e) => !e.checkOutTime);
  const worked = entries.reduce((sum, e) => sum + workedMinutesOf(e), 0);
  const outs = entries.filter((e) => e.checkOutTime).map((e) => e.checkOutTime!.getTime());
  return {
    date,
    status: open ? 'INCOMPLETE' : worked >= rules.halfDayMinutes ? 'PRESENT' : 'HALF_DAY',
    checkInTime: entries[0].checkInTime,
    checkOutTime: open || !outs.length ? null : new Date(Math.max(...outs)),
    workedMinutes: worked,
    plannedMinutes: 0,
    lateByMinutes: entries[0].lateByMinutes,
    earlyExitMinutes: open ? 0 : entries[entries.length - 1].earlyExitMinutes,
    overtimeMinutes: 0,
    processed: false,
    version: 0,
  };
}

/** Attendance's use cases: who may, what is valid, and the events each change records. */
export class AttendanceService {
  constructor(
    private readonly ctx: AttendanceContext,
    private readonly policies: AttendancePolicies,
  ) {}

  private readonly managersOf = (id: string) => this.ctx.loaders.managerChain.load(id);

  // ---- reads ----

  async entry(id: string): Promise<AttendanceEntry | null> {
    const entry = await this.ctx.em.findOne(AttendanceEntrySchema, { id });
    if (!entry) return null;
    await assertCanReadAttendance(this.ctx.identity, entry.employeeId, this.managersOf);
    return entry;
  }

  async entriesOf(employeeId: string, from: unknown, to: unknown): Promise<AttendanceEntry[]> {
    await assertCanReadAttendance(this.ctx.identity, employeeId, this.managersOf);
    const range = check.dateRange(from, to);
    return this.ctx.loaders.entries.load({ employeeId, ...range });
  }

  async daysOf(employeeId: string, from: unknown, to: unknown): Promise<DayView[]> {
    await assertCanReadAttendance(this.ctx.identity, employeeId, this.managersOf);
    const range = check.dateRange(from, to);
    const [days, entries] = await Promise.all([
      this.ctx.loaders.days.load({ employeeId, ...range }),
      this.ctx.loaders.entries.load({ employeeId, ...range }),
    ]);
    const views = new Map(days.map((d) => [d.date, viewOf(d)]));
    const live = new Map<string, AttendanceEntry[]>();
    for (const entry of entries.filter((e) => !e.supersededById))
      live.set(entry.date, [...(live.get(entry.date) ?? []), entry]);
    const unprocessed = [...live].filter(([date]) => !views.has(date));
    if (unprocessed.length) {
      const dayRules = await this.dayRulesOf(employeeId);
      for (const [date, list] of unprocessed)
        views.set(date, provisional(date, list, dayRules(date)));
    }
    return [...views.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  async lateArrivals(employeeId: string, from: unknown, to: unknown): Promise<DayView[]> {
    return (await this.daysOf(employeeId, from, to)).filter((d) => d.lateByMinutes > 0);
  }

  /** The month's processed days, counted. */
  async summary(employeeId: string, month: unknown): Promise<SummaryView> {
    await assertCanReadAttendance(this.ctx.identity, employeeId, this.managersOf);
    const { first, last } = check.month(month);
    const days = await this.ctx.loaders.days.load({ employeeId, from: first, to: last });
    const count = (status: AttendanceStatus) => days.filter((d) => d.status === status).length;
    return {
      month: first.slice(0, 7),
      presentDays: count('PRESENT'),
      absentDays: count('ABSENT'),
      leaveDays: count('ON_LEAVE'),
      halfDays: count('HALF_DAY'),
      incompleteDays: count('INCOMPLETE'),
      lateArrivals: days.filter((d) => d.lateByMinutes > 0).length,
      workedMinutes: days.reduce((sum, d) => sum + d.workedMinutes, 0),
      overtimeMinutes: days.reduce((sum, d) => sum + d.overtimeMinutes, 0),
    };
  }

  // ---- writes ----

  /** The employee a check-in or -out is for: the input's, else the caller's own. */
  private subjectOf(value: unknown): string {
    if (value === null || value === undefined) {
      if (this.ctx.identity.employeeId && this.ctx.identity.role !== 'PARTNER')
        return this.ctx.identity.employeeId;
      throw invalid('employeeId', 'employeeId is required when the caller is not an employee.');
    }
    return check.id('employeeId', value);
  }

  /** Whom a check-in or -out is for, once the caller may make it, and when (now unless given). */
  private punch(input: CheckInInput | CheckOutInput): { employeeId: string; time: Date } {
    const employeeId = this.subjectOf(input.employeeId);
    assertCanCheckIn(this.ctx.identity, employeeId);
    const now = new Date();
    const time = input.time == null ? now : check.pastDateTime('time', input.time, now);
    return { employeeId, time };
  }

  async checkIn(input: CheckInInput): Promise<AttendanceEntry> {
    const { employeeId, time } = this.punch(input);
    const location = check.text('location', input.location);
    const device = check.text('device', input.device);
    const key = input.idempotencyKey;
    return this.recordOnce('attendance.checkIn', key, employeeId, async (tx, employee) => {
      const open = await openEntry(tx, employeeId);
      if (open && open.checkInTime.getTime() > time.getTime() - MAX_OPEN_MS)
        throw alreadyCheckedIn(open.id, open.checkInTime);
      await assertNoOverlap(tx, employeeId, 'time', time, null);
      const entry = await this.newEntry(tx, employee, {
        checkInTime: time,
        checkInLocation: location,
        checkInDevice: device,
        checkOutTime: null,
        source: 'DEVICE',
        reason: null,
        correctsId: null,
      });
      this.emit(tx, events.checkedIn(entry));
      return entry;
    });
  }

  async checkOut(input: CheckOutInput): Promise<AttendanceEntry> {
    const { employeeId, time } = this.punch(input);
    const location = check.optionalText('location', input.location);
    const device = check.optionalText('device', input.device);
    const id = await withOptimisticLock(ATTENDANCE, () =>
      this.ctx.em.transactional(async (tx) => {
        await this.takeTurn(tx, employeeId);
        const open = await openEntry(tx, employeeId);
        if (!open || open.checkInTime.getTime() <= time.getTime() - MAX_OPEN_MS)
          throw notCheckedIn();
        if (time.getTime() <= open.checkInTime.getTime())
          throw invalid(
            'time',
            `time must be after the check-in at ${open.checkInTime.toISOString()}.`,
          );
        // Early exit by the ATTENDANCE version in force at the check-out.
        const grace = (await this.policies.read(tx))(time).rules.graceMinutes;
        Object.assign(open, {
          checkOutTime: time,
          checkOutLocation: location,
          checkOutDevice: device,
          earlyExitMinutes: earlyExitBy(time, open, grace),
          correlationId: this.ctx.correlationId,
          updatedAt: new Date(),
        });
        await tx.flush();
        this.emit(tx, events.checkedOut(open, workedMinutesOf(open)));
        await this.reprocessIfProcessed(tx, employeeId, open.date);
        return open.id;
      }),
    );
    return this.reload(id);
  }

  async recordManual(input: ManualAttendanceInput): Promise<AttendanceEntry> {
    const employeeId = check.id('employeeId', input.employeeId);
    await assertCanRecordManual(this.ctx.identity, employeeId, this.managersOf);
    const { checkInTime, checkOutTime, reason, correctsId } = checkedManualEntry(input, new Date());
    const operation = 'attendance.recordManualAttendance';
    return this.recordOnce(operation, input.idempotencyKey, employeeId, async (tx, employee) => {
      const original = correctsId ? await correctable(tx, correctsId, employeeId) : null;
      const { id: exceptId } = original ?? {};
      await assertNoOverlap(tx, employeeId, 'checkInTime', checkInTime, checkOutTime, exceptId);
      const entry = await this.newEntry(tx, employee, {
        checkInTime,
        checkInLocation: null,
        checkInDevice: null,
        checkOutTime,
        source: 'MANUAL',
        reason,
        correctsId: original?.id ?? null,
      });
      if (original) {
        original.supersededById = entry.id;
        original.updatedAt = new Date();
      }
      await tx.flush();
      this.emit(tx, events.manualEntryRecorded(entry, reason));
      await this.reprocessIfProcessed(tx, employeeId, entry.date);
      if (original && original.date !== entry.date)
        await this.reprocessIfProcessed(tx, employeeId, original.date);
      return entry;
    });
  }

  async process(input: ProcessAttendanceDayInput): Promise<ProcessResult> {
    assertCanProcess(this.ctx.identity);
    const date = check.isoDate('date', input.date);
    const now = new Date();
    if (!dayHasEnded(date, EARLIEST_ZONE, now))
      throw invalid('date', 'date must be a day that has ended; it has not ended anywhere yet.');
    const employeeIds = check.ids('employeeIds', input.employeeIds);
    const run = () =>
      this.ctx.em
        .fork()
        .transactional((tx) =>
          processDay(tx, { ...this.run(tx as EntityManager), date, employeeIds, now }),
        );
    try {
      return await run();
    } catch (error) {
      // Another run (the job, another replica) stored the same day first: go again on its rows.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return run();
    }
  }

  // ---- helpers ----

  /**
   * A new entry of the person, once per idempotency key: they are known (asked for if not),
   * `record` runs in their write turn, and a lost race is the kit's VERSION_CONFLICT.
   */
  private async recordOnce(
    operation: string,
    key: string | null | undefined,
    employeeId: string,
    record: (tx: EntityManager, employee: EmployeeCopy) => Promise<AttendanceEntry>,
  ): Promise<AttendanceEntry> {
    const scope = { operation, caller: this.ctx.identity.subject, key: check.idempotencyKey(key) };
    await this.know(employeeId);
    const { id } = await withOptimisticLock(ATTENDANCE, () =>
      once(this.ctx.em, scope, async (tx) => {
        const employee = await this.takeTurn(tx, employeeId);
        return (await record(tx, employee)).id;
      }),
    );
    return this.reload(id);
  }

  /** A new entry on the local day of its check-in, measured against that day's plan. */
  private async newEntry(
    tx: EntityManager,
    employee: EmployeeCopy,
    fields: Pick<
      AttendanceEntry,
      | 'checkInTime'
      | 'checkInLocation'
      | 'checkInDevice'
      | 'checkOutTime'
      | 'source'
      | 'reason'
      | 'correctsId'
    >,
  ): Promise<AttendanceEntry> {
    // Lateness by the version in force at the check-in, early exit by the one at the check-out.
    const { checkInTime, checkOutTime } = fields;
    const date = localDate(checkInTime, employee.timeZone);
    const policyAt = await this.policies.read(tx);
    const plan = await this.planOf(tx, employee, date, policyAt);
    const now = new Date();
    const entry = tx.create(AttendanceEntrySchema, {
      id: uuidv7(),
      employeeId: employee.id,
      date,
      ...fields,
      checkOutLocation: null,
      checkOutDevice: null,
      recordedBy: this.ctx.identity.subject,
      supersededById: null,
      plannedStart: plan.plannedStart,
      plannedEnd: plan.plannedEnd,
      lateByMinutes: lateBy(checkInTime, plan, policyAt(checkInTime).rules.graceMinutes),
      earlyExitMinutes: checkOutTime
        ? earlyExitBy(checkOutTime, plan, policyAt(checkOutTime).rules.graceMinutes)
        : 0,
      version: 1,
      correlationId: this.ctx.correlationId,
      createdAt: now,
      updatedAt: now,
    });
    tx.persist(entry);
    return entry;
  }

  /** The day's plan from attendance's copies of the schedule and agreements, by the day's rules. */
  private async planOf(
    tx: EntityManager,
    employee: EmployeeCopy,
    date: string,
    policyAt: PolicyAt,
  ): Promise<DayPlan> {
    const { start, end } = localDayBounds(date, employee.timeZone);
    const [agreements, shifts] = await Promise.all([
      tx.find(AgreementCopySchema, {
        employeeId: employee.id,
        startDate: { $lte: date },
        endDate: { $gte: date },
      }),
      tx.find(ShiftCopySchema, {
        employeeId: employee.id,
        replaced: false,
        start: { $gte: start, $lt: end },
      }),
    ]);
    return planDay(date, employee, agreements, shifts, policyAt(start).rules);
  }

  /** Reprocesses a day that already has a record, so a late check-out or correction shows. */
  private async reprocessIfProcessed(tx: EntityManager, employeeId: string, date: string) {
    const row = await tx.findOne(AttendanceDaySchema, { employeeId, date });
    if (!row) return;
    await processDay(tx, { ...this.run(tx), date, employeeIds: [employeeId], now: new Date() });
  }

  /** Processing inside this request's transaction `tx`: its events and correlation. */
  private run(tx: EntityManager): ProcessRun {
    const emit = (draft: CataloguedDraft) => this.emit(tx, draft);
    return { emit, correlationId: this.ctx.correlationId, policies: this.policies };
  }

  /** Records the event in the write's transaction. */
  private emit(tx: EntityManager, draft: CataloguedDraft): void {
    this.ctx.emit(tx, draft);
  }

  /** Asks employees about someone attendance has not heard of yet (a hire a moment ago). */
  private async know(employeeId: string) {
    if (!(await knowEmployee(this.ctx, employeeId, employeeKnowing)))
      throw unknownEmployee(employeeId);
  }

  /**
   * Takes the person's write turn (their copy row's lock) and checks what attendance knows
   * of them: they exist and are not terminated.
   */
  private async takeTurn(tx: EntityManager, employeeId: string): Promise<EmployeeCopy> {
    if (!(await lockEmployee(tx, EmployeeCopySchema, employeeId)))
      throw unknownEmployee(employeeId);
    return attendingEmployee(tx, employeeId);
  }

  /** The rules each local day of the person is judged by: those in force at its start. */
  private async dayRulesOf(employeeId: string): Promise<(date: string) => AttendanceRules> {
    const zone = (await this.ctx.loaders.employee.load(employeeId))?.timeZone ?? 'UTC';
    const policyAt = await this.ctx.loaders.policies();
    return (date) => policyAt(localDayBounds(date, zone).start).rules;
  }

  private async reload(id: string): Promise<AttendanceEntry> {
    const entry = await this.ctx.em.fork().findOne(AttendanceEntrySchema, id);
    if (!entry) throw entryNotFound(id);
    return entry;
  }
}
