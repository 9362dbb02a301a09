import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { untypedDraft, type CataloguedDraft } from '../../../messaging/src/eventTypes';
import { DEFAULT_TIME_ZONE, addDays } from '../../../runtime/src/calendar';
import { once } from '../../../runtime/src/idempotency';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import {
  EmployeeCopySchema,
  ScheduledShiftSchema,
  TimeEntrySchema,
  type ScheduledShift,
  type TimeEntry,
} from './entities';
import { withOptimisticLock } from '../../../runtime/src/optimisticLock';
import { TIME_ENTRY, entryNotFound, invalid, unknownEmployee } from './errors';
import * as events from './events';
import type {
  AmendTimeEntryInput,
  DeleteTimeEntryInput,
  PublishScheduleInput,
  RecordTimeEntryInput,
} from './inputs';
import type { TimeLoaders } from './loaders';
import { assertCanPublishSchedule, assertCanReadTime, assertCanWriteTime } from './permissions';
import { knowEmployee, lockEmployee } from '../../../runtime/src/employeeCopy';
import { employeeKnowing } from './handlers';
import { complianceException, type WorkingTimeCheck } from './checkWorkingTime';
import {
  amendedPeriod,
  assertEmployeeMayHaveTime,
  changedFields,
  entryProblems,
  entryToChange,
  recordedPeriod,
} from './entryDecision';
import type { WorkingTimePolicies } from './workingTimePolicies';
import * as check from './inputs';
import { startOfLocalDay } from './startOfLocalDay';

export type TimeContext = SubgraphContext<TimeLoaders>;

export const MAX_SHIFTS = 500;

/** What a deletion returns. */
export interface DeletedEntry {
  id: string;
  correlationId: string;
  version: number;
}

/** Time's use cases: who may, what is valid, and the event each change records. */
export class TimeService {
  constructor(
    private readonly ctx: TimeContext,
    private readonly policies: WorkingTimePolicies,
  ) {}

  private readonly managersOf = (id: string) => this.ctx.loaders.managerChain.load(id);

  async entry(id: string): Promise<TimeEntry | null> {
    const entry = await this.ctx.em.findOne(TimeEntrySchema, { id, deletedAt: null });
    if (!entry) return null;
    await assertCanReadTime(this.ctx.identity, entry.employeeId, this.managersOf);
    return entry;
  }

  async entriesOf(employeeId: string, from: unknown, to: unknown): Promise<TimeEntry[]> {
    await assertCanReadTime(this.ctx.identity, employeeId, this.managersOf);
    const window = check.window(from, to);
    return this.ctx.loaders.entries.load({ employeeId, ...window });
  }

  async scheduleOf(employeeId: string, from: unknown, to: unknown): Promise<ScheduledShift[]> {
    await assertCanReadTime(this.ctx.identity, employeeId, this.managersOf);
    const first = check.isoDate('from', from);
    const last = check.isoDate('to', to);
    if (last < first) throw invalid('to', 'to must not be before from.');
    const zone = (await this.ctx.loaders.employee.load(employeeId))?.timeZone;
    const timeZone = zone ?? DEFAULT_TIME_ZONE;
    return this.ctx.loaders.shifts.load({
      employeeId,
      from: startOfLocalDay(first, timeZone),
      to: startOfLocalDay(addDays(last, 1), timeZone),
    });
  }

  async record(input: RecordTimeEntryInput): Promise<TimeEntry> {
    assertCanWriteTime(this.ctx.identity, input.employeeId);
    const period = recordedPeriod(input);
    const exception = complianceException(this.ctx.identity, input.complianceException);
    const scope = {
      operation: 'time.recordTimeEntry',
      caller: this.ctx.identity.subject,
      key: check.idempotencyKey(input.idempotencyKey),
    };
    await this.know(input.employeeId);
    const { id } = await once(this.ctx.em, scope, async (tx) => {
      await this.takeTurn(tx, input.employeeId, { recording: true });
      const now = new Date();
      const policy = await this.policies.at(tx, now);
      await this.refuseProblems(tx, {
        employeeId: input.employeeId,
        entry: period,
        exception,
        policy,
      });
      const entry = tx.create(TimeEntrySchema, {
        id: uuidv7(),
        employeeId: input.employeeId,
        ...period,
        version: 1,
        correlationId: this.ctx.correlationId,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      });
      tx.persist(entry);
      this.emit(tx, events.recorded(entry, exception, policy.version));
      return entry.id;
    });
    return this.reload(id);
  }

  async amend(input: AmendTimeEntryInput): Promise<TimeEntry> {
    const expected = check.version('expectedVersion', input.expectedVersion);
    const exception = complianceException(this.ctx.identity, input.complianceException);
    const id = await withOptimisticLock(TIME_ENTRY, () =>
      this.ctx.em.transactional(async (tx) => {
        const entry = await entryToChange(tx, this.ctx.identity, input.id, expected);
        const next = amendedPeriod(entry, input);
        const previous = events.valuesOf(entry);
        const changed = changedFields(entry, next);
        if (!changed.size) return entry.id;
        await this.takeTurn(tx, entry.employeeId, { recording: false });
        const now = new Date();
        const policy = await this.policies.at(tx, now);
        await this.refuseProblems(tx, {
          employeeId: entry.employeeId,
          entry: next,
          amending: { id: entry.id, changed },
          exception,
          policy,
        });
        Object.assign(entry, next, { correlationId: this.ctx.correlationId, updatedAt: now });
        // The flush bumps the version (optimistic lock); the event carries the new one.
        await tx.flush();
        this.emit(tx, events.amended(entry, previous, exception, policy.version));
        return entry.id;
      }),
    );
    return this.reload(id);
  }

  async delete(input: DeleteTimeEntryInput): Promise<DeletedEntry> {
    const expected = check.version('expectedVersion', input.expectedVersion);
    return withOptimisticLock(TIME_ENTRY, () =>
      this.ctx.em.transactional(async (tx) => {
        const entry = await entryToChange(tx, this.ctx.identity, input.id, expected);
        entry.deletedAt = new Date();
        entry.updatedAt = entry.deletedAt;
        entry.correlationId = this.ctx.correlationId;
        await tx.flush();
        this.emit(tx, events.deleted(entry));
        return { id: entry.id, correlationId: entry.correlationId, version: entry.version };
      }),
    );
  }

  async publishSchedule(input: PublishScheduleInput): Promise<ScheduledShift[]> {
    await assertCanPublishSchedule(this.ctx.identity, input.employeeId, this.managersOf);
    const shifts = this.checkShifts(input);
    const scope = {
      operation: 'time.publishSchedule',
      caller: this.ctx.identity.subject,
      key: check.idempotencyKey(input.idempotencyKey),
    };
    await this.know(input.employeeId);
    const { id: scheduleId } = await once(this.ctx.em, scope, async (tx) => {
      await this.takeTurn(tx, input.employeeId, { recording: true });
      const from = shifts[0].start;
      const to = new Date(Math.max(...shifts.map((s) => s.end.getTime())));
      const replaced = await tx.find(ScheduledShiftSchema, {
        employeeId: input.employeeId,
        start: { $lt: to },
        end: { $gt: from },
      });
      replaced.forEach((shift) => tx.remove(shift));
      const id = uuidv7();
      const now = new Date();
      const stored = shifts.map((shift) =>
        tx.create(ScheduledShiftSchema, {
          id: uuidv7(),
          employeeId: input.employeeId,
          scheduleId: id,
          ...shift,
          publishedAt: now,
          correlationId: this.ctx.correlationId,
        }),
      );
      stored.forEach((shift) => tx.persist(shift));
      this.emit(
        tx,
        events.published(
          input.employeeId,
          id,
          stored,
          replaced.map((s) => s.id),
        ),
      );
      return id;
    });
    return this.ctx.em
      .fork()
      .find(ScheduledShiftSchema, { scheduleId }, { orderBy: { start: 'asc' } });
  }

  /** Checked shifts in start order: each valid, none overlapping another. */
  private checkShifts(input: PublishScheduleInput) {
    if (!Array.isArray(input.shifts) || input.shifts.length === 0)
      throw invalid('shifts', 'shifts must hold at least one shift.');
    if (input.shifts.length > MAX_SHIFTS)
      throw invalid('shifts', `shifts must hold at most ${MAX_SHIFTS} shifts.`);
    const shifts = input.shifts.map((shift, i) => {
      const start = check.dateTime(`shifts[${i}].start`, shift.start);
      const end = check.dateTime(`shifts[${i}].end`, shift.end);
      if (end.getTime() <= start.getTime())
        throw invalid(`shifts[${i}].end`, 'A shift must end after it starts.');
      return { start, end, shiftType: check.shiftType(shift.shiftType, `shifts[${i}].shiftType`) };
    });
    shifts.sort((a, b) => a.start.getTime() - b.start.getTime());
    for (let i = 1; i < shifts.length; i++)
      if (shifts[i].start.getTime() < shifts[i - 1].end.getTime())
        throw invalid('shifts', 'The shifts of a schedule must not overlap one another.');
    return shifts;
  }

  /** Asks employees about someone time has not heard of yet (a hire a moment ago). */
  private async know(employeeId: string) {
    if (!(await knowEmployee(this.ctx, employeeId, employeeKnowing)))
      throw unknownEmployee(employeeId);
  }

  /**
   * Takes the person's write turn (their copy row's lock) and checks what time knows
   * of them: they exist and, for new time, are not terminated.
   */
  private async takeTurn(tx: EntityManager, employeeId: string, opts: { recording: boolean }) {
    if (!(await lockEmployee(tx, EmployeeCopySchema, employeeId)))
      throw unknownEmployee(employeeId);
    await assertEmployeeMayHaveTime(tx, employeeId, opts);
  }

  /** Refuses the write on the first problem the entry has (overlap, working-time rules). */
  private async refuseProblems(tx: EntityManager, work: WorkingTimeCheck): Promise<void> {
    const [problem] = await entryProblems(tx, work, { all: false });
    if (problem) throw problem;
  }

  /** Records the event in the write's transaction. */
  private emit(tx: EntityManager, draft: CataloguedDraft): void {
    this.ctx.emit(tx, untypedDraft(draft));
  }

  private async reload(id: string): Promise<TimeEntry> {
    const entry = await this.ctx.em.fork().findOne(TimeEntrySchema, id);
    if (!entry) throw entryNotFound(id);
    return entry;
  }
}
