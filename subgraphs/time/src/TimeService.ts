import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import type { CataloguedDraft } from '../../../messaging';
import {
  addDays,
  DEFAULT_TIME_ZONE,
  knowEmployee,
  lockEmployee,
  once,
  type PolicyVersion,
  type SubgraphContext,
  withOptimisticLock,
} from '../../../runtime';
import {
  EmployeeCopySchema,
  ScheduledShiftSchema,
  TimeEntrySchema,
  type ScheduledShift,
  type TimeEntry,
} from './entities';
import { TIME_ENTRY, entryNotFound, invalid, unknownEmployee } from './errors';
import * as events from './events';
import type {
  AmendTimeEntryInput,
  DeleteTimeEntryInput,
  PublishScheduleInput,
  RecordTimeEntryInput,
  Shift,
} from './inputs';
import type { TimeLoaders } from './loaders';
import { assertCanPublishSchedule, assertCanReadTime, assertCanWriteTime } from './permissions';
import { employeeKnowing } from './handlers';
import { complianceException, type WorkingTimeCheck } from './workingTimeBreaches';
import {
  amendment,
  assertEmployeeMayHaveTime,
  entryProblems,
  entryToChange,
  recordedPeriod,
} from './entryProblems';
import type { WorkingTimePolicies } from './workingTimePolicies';
import * as check from './inputs';
import { startOfLocalDay } from './startOfLocalDay';

export type TimeContext = SubgraphContext<TimeLoaders>;

/** Time holds no copy of the person yet: employees is asked, and the write tried again. */
class CopyMissing extends Error {
  override name = 'CopyMissing';
}

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
    const { employeeId } = input;
    const key = input.idempotencyKey;
    let recorded: TimeEntry | undefined;
    const { id, replayed } = await this.createOnce(
      'time.recordTimeEntry',
      key,
      employeeId,
      async (tx) => {
        const now = new Date();
        const policy = await this.judge(tx, now, { employeeId, entry: period, exception });
        recorded = tx.create(TimeEntrySchema, {
          id: uuidv7(),
          employeeId: input.employeeId,
          ...period,
          version: 1,
          correlationId: this.ctx.correlationId,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        });
        tx.persist(recorded);
        this.emit(tx, events.recorded(recorded, { exception, policyVersion: policy.version }));
        return recorded.id;
      },
    );
    // A new entry is answered as written; a repeated key's entry is read as it is now.
    return replayed || !recorded ? this.reload(id) : recorded;
  }

  async amend(input: AmendTimeEntryInput): Promise<TimeEntry> {
    const expected = check.version('expectedVersion', input.expectedVersion);
    const exception = complianceException(this.ctx.identity, input.complianceException);
    const id = await withOptimisticLock(TIME_ENTRY, () =>
      this.ctx.em.transactional(async (tx) => {
        const { entry, next, changed } = await amendment(tx, this.ctx.identity, input, expected);
        const previous = events.valuesOf(entry);
        if (!changed.size) return entry.id;
        await this.takeTurn(tx, entry.employeeId, { recording: false });
        const now = new Date();
        const amending = { id: entry.id, changed };
        const { employeeId } = entry;
        const policy = await this.judge(tx, now, { employeeId, entry: next, amending, exception });
        Object.assign(entry, next, { correlationId: this.ctx.correlationId, updatedAt: now });
        // The flush bumps the version (optimistic lock); the event carries the new one.
        await tx.flush();
        this.emit(
          tx,
          events.amended(entry, previous, { exception, policyVersion: policy.version }),
        );
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
    const { employeeId, idempotencyKey: key } = input;
    await assertCanPublishSchedule(this.ctx.identity, employeeId, this.managersOf);
    const shifts = check.scheduledShifts(input.shifts);
    const { id: scheduleId } = await this.createOnce(
      'time.publishSchedule',
      key,
      employeeId,
      (tx) => this.publish(tx, employeeId, shifts),
    );
    return this.ctx.em
      .fork()
      .find(ScheduledShiftSchema, { scheduleId }, { orderBy: { start: 'asc' } });
  }

  /** Stores a publication, replacing the published shifts its period overlaps; its id. */
  private async publish(tx: EntityManager, employeeId: string, shifts: Shift[]): Promise<string> {
    const from = shifts[0].start;
    const to = new Date(Math.max(...shifts.map((s) => s.end.getTime())));
    const replaced = await tx.find(ScheduledShiftSchema, {
      employeeId,
      start: { $lt: to },
      end: { $gt: from },
    });
    replaced.forEach((shift) => tx.remove(shift));
    const scheduleId = uuidv7();
    const publishedAt = new Date();
    const { correlationId } = this.ctx;
    const stored = shifts.map((shift) =>
      tx.create(ScheduledShiftSchema, {
        id: uuidv7(),
        employeeId,
        scheduleId,
        ...shift,
        publishedAt,
        correlationId,
      }),
    );
    stored.forEach((shift) => tx.persist(shift));
    const replacedIds = replaced.map((s) => s.id);
    this.emit(tx, events.published(employeeId, scheduleId, stored, replacedIds));
    return scheduleId;
  }

  /** Asks employees about someone time has not heard of yet (a hire a moment ago). */
  private async know(employeeId: string) {
    if (!(await knowEmployee(this.ctx, employeeId, employeeKnowing)))
      throw unknownEmployee(employeeId);
  }

  /**
   * Takes the person's write turn (their copy row's lock) and checks what time knows
   * of them: they exist (else `missing`, or UNKNOWN_EMPLOYEE) and, for new time, are not
   * terminated.
   */
  private async takeTurn(
    tx: EntityManager,
    employeeId: string,
    opts: { recording: boolean; missing?: () => Error },
  ) {
    if (!(await lockEmployee(tx, EmployeeCopySchema, employeeId)))
      throw opts.missing?.() ?? unknownEmployee(employeeId);
    await assertEmployeeMayHaveTime(tx, employeeId, opts);
  }

  /**
   * Something new for the person, once per idempotency key, in their write turn: the id of
   * what `create` made, or of what the key made before (`replayed`). Time usually knows the
   * person already; when their copy is missing (a hire a moment ago), employees is asked
   * and the write tried once more.
   */
  private async createOnce(
    operation: string,
    key: string | null | undefined,
    employeeId: string,
    create: (tx: EntityManager) => Promise<string>,
  ): Promise<{ id: string; replayed: boolean }> {
    const scope = { operation, caller: this.ctx.identity.subject, key: check.idempotencyKey(key) };
    const attempt = (asked: boolean) =>
      once(this.ctx.em, scope, async (tx) => {
        const missing = asked ? undefined : () => new CopyMissing();
        await this.takeTurn(tx, employeeId, { recording: true, missing });
        return create(tx);
      });
    try {
      return await attempt(false);
    } catch (error) {
      if (!(error instanceof CopyMissing)) throw error;
      await this.know(employeeId);
      return attempt(true);
    }
  }

  /**
   * The WORKING_TIME version in force `now`, which judges the entry; the write is refused on
   * the first problem the entry has (overlap, working-time rules).
   */
  private async judge(
    tx: EntityManager,
    now: Date,
    work: Omit<WorkingTimeCheck, 'policy'>,
  ): Promise<PolicyVersion<'WORKING_TIME'>> {
    const policy = await this.policies.at(tx, now);
    const [problem] = await entryProblems(tx, { ...work, policy }, { all: false });
    if (problem) throw problem;
    return policy;
  }

  /** Records the event in the write's transaction. */
  private emit(tx: EntityManager, draft: CataloguedDraft): void {
    this.ctx.emit(tx, draft);
  }

  private async reload(id: string): Promise<TimeEntry> {
    const entry = await this.ctx.em.fork().findOne(TimeEntrySchema, id);
    if (!entry) throw entryNotFound(id);
    return entry;
  }
}
