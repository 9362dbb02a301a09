import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { addDays, daysBetween, localDate } from '../../../runtime/src/calendar';
import { once } from '../../../runtime/src/idempotency';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import { balanceOf, historyFloor, leaveYearOf, workingDaysOn, type Balance } from './balances';
import { chargedDays, halvesOf } from './days';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  LeaveRequestSchema,
  type ChargedDay,
  type EmployeeCopy,
  type LeaveRequest,
  type LeaveStatus,
} from './entities';
import {
  badTransition,
  concurrentChange,
  invalid,
  LeaveErrorCode,
  requestNotFound,
  staleVersion,
  unknownEmployee,
  violation,
} from './errors';
import * as events from './events';
import * as check from './inputs';
import type { CancelLeaveInput, DecideLeaveInput, RequestLeaveInput } from './inputs';
import type { LeaveLoaders } from './loaders';
import {
  assertCanDecide,
  assertCanReadLeave,
  assertCanRequestFor,
  canReadLeave,
} from './permissions';
import { LEAVE_TYPES, type LeaveConfig, type LeavePolicy } from './policies';
import { knowEmployee, lockEmployee } from '../../../runtime/src/employeeCopy';
import { employeeKnowing } from './handlers';
import { overlapping } from './queries';

export type LeaveContext = SubgraphContext<LeaveLoaders>;

/** What the module is built with: the policies and the clock (tests fix it). */
export interface LeaveSettings {
  config: LeaveConfig;
  now: () => Date;
}

/** A page of a connection. */
export interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

const ENDLESS = '9999-12-31';

/** Leave's use cases: who may, which rules hold, and the event each change records. */
export class LeaveService {
  constructor(
    private readonly ctx: LeaveContext,
    private readonly settings: LeaveSettings,
  ) {}

  private readonly managersOf = (id: string) => this.ctx.loaders.managerChain.load(id);

  private policy(type: LeaveRequest['leaveType']): LeavePolicy {
    return this.settings.config.policies[type];
  }

  private today(employee: Pick<EmployeeCopy, 'timeZone'> | null): string {
    return localDate(this.settings.now(), employee?.timeZone ?? 'Europe/London');
  }

  policies(): LeavePolicy[] {
    return LEAVE_TYPES.map((type) => this.policy(type));
  }

  async request(id: string): Promise<LeaveRequest | null> {
    const request = await this.ctx.em.findOne(LeaveRequestSchema, id);
    if (!request) return null;
    await assertCanReadLeave(this.ctx.identity, request.employeeId, this.managersOf);
    return request;
  }

  /** The balances of every type that draws on one, for the leave year holding `on`. */
  async balancesOf(employeeId: string, on: unknown): Promise<Balance[]> {
    const day = check.isoDate('on', on);
    await assertCanReadLeave(this.ctx.identity, employeeId, this.managersOf);
    const { loaders } = this.ctx;
    const [employee, agreements, bookings] = await Promise.all([
      loaders.employee.load(employeeId),
      loaders.agreements.load(employeeId),
      loaders.activeRequests.load(`${employeeId}|${historyFloor(day)}`),
    ]);
    return this.policies()
      .filter((policy) => policy.usesBalance)
      .map((policy) =>
        balanceOf(policy, day, employee, agreements, bookings, this.settings.config),
      );
  }

  async requestsOf(
    employeeId: string,
    args: { status?: LeaveStatus | null; first?: number | null; after?: string | null },
  ): Promise<Page<LeaveRequest>> {
    const first = check.first(args.first);
    const after = check.after(args.after);
    await assertCanReadLeave(this.ctx.identity, employeeId, this.managersOf);
    const all = await this.ctx.loaders.requests.load(`${employeeId}|${args.status ?? '*'}`);
    // Latest start first; ties by id, descending.
    const rest = after
      ? all.filter(
          (r) =>
            r.startDate < after.startDate || (r.startDate === after.startDate && r.id < after.id),
        )
      : all;
    return page(rest, first, all.length);
  }

  /** Pending requests of the caller's direct reports, earliest start first. */
  async pendingApprovals(args: {
    first?: number | null;
    after?: string | null;
  }): Promise<Page<LeaveRequest>> {
    const first = check.first(args.first);
    const after = check.after(args.after);
    const me = this.ctx.identity.employeeId;
    if (!me) return page([], first, 0);
    const reports = await this.ctx.em.find(
      EmployeeCopySchema,
      { managerId: me },
      { fields: ['id'] },
    );
    if (reports.length === 0) return page([], first, 0);
    const all = await this.ctx.em.find(
      LeaveRequestSchema,
      { employeeId: { $in: reports.map((r) => r.id) }, status: 'PENDING' },
      { orderBy: { startDate: 'asc', id: 'asc' } },
    );
    const rest = after
      ? all.filter(
          (r) =>
            r.startDate > after.startDate || (r.startDate === after.startDate && r.id > after.id),
        )
      : all;
    return page(rest, first, all.length);
  }

  async requestLeave(input: RequestLeaveInput): Promise<LeaveRequest> {
    const { identity } = this.ctx;
    const employeeId = input.employeeId ?? identity.employeeId;
    if (!employeeId)
      throw invalid('employeeId', 'employeeId is required when the caller is not an employee.');
    const leaveType = check.leaveType(input.leaveType);
    const policy = this.policy(leaveType);
    if (!policy.enabled) throw invalid('leaveType', `${leaveType} leave is not offered.`);
    const startDate = check.isoDate('startDate', input.startDate);
    const endDate = check.isoDate('endDate', input.endDate);
    if (endDate < startDate) throw invalid('endDate', 'endDate must not be before startDate.');
    if (daysBetween(startDate, endDate) >= check.MAX_SPAN_DAYS)
      throw invalid(
        'endDate',
        `endDate must be less than ${check.MAX_SPAN_DAYS} days after startDate.`,
      );
    const halfDayStart = input.halfDayStart ?? false;
    const halfDayEnd = input.halfDayEnd ?? false;
    if (startDate === endDate && halfDayStart && halfDayEnd)
      throw invalid(
        'halfDayEnd',
        'halfDayEnd cannot join halfDayStart on a one-day request: a day has one half day off at most.',
      );
    const reason = check.text('reason', input.reason);
    assertCanRequestFor(identity, employeeId);
    const span = { startDate, endDate, halfDayStart, halfDayEnd };
    const scope = {
      operation: 'leave.requestLeave',
      caller: identity.subject,
      key: check.idempotencyKey(input.idempotencyKey),
    };
    // A hire a moment ago may not have reached leave's copy yet: ask employees.
    if (!(await knowEmployee(this.ctx, employeeId, employeeKnowing)))
      throw unknownEmployee(employeeId);
    const { id } = await once(this.ctx.em, scope, async (tx) => {
      if (!(await lockEmployee(tx, EmployeeCopySchema, employeeId)))
        throw unknownEmployee(employeeId);
      const employee = await tx.findOneOrFail(EmployeeCopySchema, employeeId);
      const agreements = await tx.find(
        AgreementCopySchema,
        { employeeId },
        { orderBy: { startDate: 'asc' } },
      );
      const days = await this.checkRules(tx, employee, agreements, policy, span);
      const now = new Date();
      const request = tx.create(LeaveRequestSchema, {
        id: uuidv7(),
        employeeId,
        leaveType,
        ...span,
        halfDays: halvesOf(days),
        chargedDays: days,
        status: 'PENDING',
        reason,
        requestedBy: identity.subject,
        managerId: employee.managerId,
        decision: null,
        decidedBy: null,
        decidedAt: null,
        rejectionReason: null,
        cancelledBy: null,
        cancelledAt: null,
        version: 1,
        correlationId: this.ctx.correlationId,
        createdAt: now,
        updatedAt: now,
      });
      tx.persist(request);
      this.ctx.emit(tx, events.created(request, policy));
      return request.id;
    });
    return this.reload(id);
  }

  /** Every request rule of DOMAIN.md, in order; the first that fails is a POLICY_VIOLATION. */
  private async checkRules(
    tx: EntityManager,
    employee: EmployeeCopy,
    agreements: Parameters<typeof balanceOf>[3],
    policy: LeavePolicy,
    span: { startDate: string; endDate: string; halfDayStart: boolean; halfDayEnd: boolean },
  ): Promise<ChargedDay[]> {
    if (employee.status === 'INACTIVE' || employee.status === 'TERMINATED')
      throw violation(
        LeaveErrorCode.EMPLOYEE_NOT_ACTIVE,
        `The employee is ${employee.status}; only active employees may request leave.`,
        { status: employee.status },
      );
    if (
      (employee.hireDate && span.startDate < employee.hireDate) ||
      span.endDate > (employee.terminationDate ?? ENDLESS)
    )
      throw violation(
        LeaveErrorCode.OUTSIDE_EMPLOYMENT,
        'Leave must fall between the hire date and the termination date.',
        { hireDate: employee.hireDate, terminationDate: employee.terminationDate },
      );
    if ((span.halfDayStart || span.halfDayEnd) && !policy.halfDaysAllowed)
      throw violation(
        LeaveErrorCode.HALF_DAY_NOT_ALLOWED,
        `${policy.leaveType} leave is taken in whole days.`,
      );
    const days = chargedDays(span, {
      workingDays: workingDaysOn(agreements, span.startDate),
      location: employee.location,
      policy,
    });
    const halves = halvesOf(days);
    if (halves === 0)
      throw violation(
        LeaveErrorCode.NO_WORKING_DAYS,
        'No day of the request is a working day: nothing to take leave from.',
      );
    const today = this.today(employee);
    // A type without notice (sick leave) may also be recorded afterwards.
    if (policy.noticeDays > 0 && daysBetween(today, span.startDate) < policy.noticeDays)
      throw violation(
        LeaveErrorCode.NOTICE_PERIOD,
        `${policy.leaveType} leave needs ${policy.noticeDays} days' notice; the earliest start is ${addDays(today, policy.noticeDays)}.`,
        { noticeDays: policy.noticeDays, earliestStartDate: addDays(today, policy.noticeDays) },
      );
    if (policy.maxConsecutiveDays !== null && halves > policy.maxConsecutiveDays * 2)
      throw violation(
        LeaveErrorCode.MAX_CONSECUTIVE_DAYS,
        `${policy.leaveType} leave is at most ${policy.maxConsecutiveDays} days in one request; this one is ${halves / 2}.`,
        { maxConsecutiveDays: policy.maxConsecutiveDays, days: halves / 2 },
      );
    const clashing = await overlapping(tx, employee.id, span.startDate, span.endDate);
    if (clashing.length)
      throw violation(
        LeaveErrorCode.OVERLAPPING_LEAVE,
        `The request overlaps ${clashing.length} pending or approved request(s) of the employee.`,
        {
          overlapping: clashing.map((r) => ({
            id: r.id,
            startDate: r.startDate,
            endDate: r.endDate,
            status: r.status,
          })),
        },
      );
    if (policy.usesBalance && !policy.allowNegative)
      await this.checkBalance(tx, employee, agreements, policy, days);
    return days;
  }

  /** Enough balance in each leave year the request touches, counting it as pending. */
  private async checkBalance(
    tx: EntityManager,
    employee: EmployeeCopy,
    agreements: Parameters<typeof balanceOf>[3],
    policy: LeavePolicy,
    days: ChargedDay[],
  ): Promise<void> {
    const floor = historyFloor(days[0].date);
    const existing = await tx.find(LeaveRequestSchema, {
      employeeId: employee.id,
      status: { $in: ['PENDING', 'APPROVED'] },
      endDate: { $gte: floor },
    });
    const candidate = { id: 'new', leaveType: policy.leaveType, status: 'PENDING' as const };
    const bookings = [...existing, { ...candidate, chargedDays: days }];
    const config = this.settings.config;
    const lastDayOfYear = new Map<string, string>();
    for (const day of days)
      lastDayOfYear.set(leaveYearOf(day.date, agreements, config).start, day.date);
    for (const [yearStart, on] of lastDayOfYear) {
      const balance = balanceOf(policy, on, employee, agreements, bookings, config);
      if (balance.remaining >= 0) continue;
      const requested = days
        .filter((d) => d.date >= balance.year.start && d.date <= balance.year.end)
        .reduce((sum, d) => sum + d.halves, 0);
      throw violation(
        LeaveErrorCode.INSUFFICIENT_BALANCE,
        `Not enough ${policy.leaveType} balance in the leave year from ${yearStart}: ${(balance.remaining + requested) / 2} days left, ${requested / 2} asked.`,
        {
          leaveYearStart: yearStart,
          available: (balance.remaining + requested) / 2,
          requested: requested / 2,
        },
      );
    }
  }

  approveLeave(input: DecideLeaveInput): Promise<LeaveRequest> {
    return this.decide(input, 'APPROVED');
  }

  rejectLeave(input: DecideLeaveInput): Promise<LeaveRequest> {
    return this.decide(input, 'REJECTED');
  }

  private async decide(input: DecideLeaveInput, to: 'APPROVED' | 'REJECTED') {
    const expected = check.version('expectedVersion', input.expectedVersion);
    const reason = to === 'REJECTED' ? check.text('reason', input.reason) : null;
    const id = await this.writing(() =>
      this.ctx.em.transactional(async (tx) => {
        const request = await tx.findOne(LeaveRequestSchema, input.id);
        if (!request) throw requestNotFound(input.id);
        const employee = await tx.findOne(EmployeeCopySchema, request.employeeId);
        assertCanDecide(this.ctx.identity, request, employee?.managerId ?? null);
        if (expected !== undefined && expected !== request.version)
          throw staleVersion(expected, request.version);
        if (request.status !== 'PENDING') throw badTransition(request.status, to);
        const now = new Date();
        Object.assign(request, {
          status: to,
          decision: to,
          decidedBy: this.ctx.identity.subject,
          decidedAt: now,
          rejectionReason: reason,
          correlationId: this.ctx.correlationId,
          updatedAt: now,
        });
        // The flush bumps the version (optimistic lock); the event carries the new one.
        await tx.flush();
        const policy = this.policy(request.leaveType);
        this.ctx.emit(
          tx,
          to === 'APPROVED' ? events.approved(request, policy) : events.rejected(request, policy),
        );
        return request.id;
      }),
    );
    return this.reload(id);
  }

  async cancelLeave(input: CancelLeaveInput): Promise<LeaveRequest> {
    const expected = check.version('expectedVersion', input.expectedVersion);
    const id = await this.writing(() =>
      this.ctx.em.transactional(async (tx) => {
        const request = await tx.findOne(LeaveRequestSchema, input.id);
        if (!request) throw requestNotFound(input.id);
        assertCanRequestFor(this.ctx.identity, request.employeeId);
        if (expected !== undefined && expected !== request.version)
          throw staleVersion(expected, request.version);
        const previousStatus = request.status;
        if (previousStatus !== 'PENDING' && previousStatus !== 'APPROVED')
          throw badTransition(previousStatus, 'CANCELLED');
        if (previousStatus === 'APPROVED') {
          const employee = await tx.findOne(EmployeeCopySchema, request.employeeId);
          const today = this.today(employee);
          if (request.startDate <= today)
            throw violation(
              LeaveErrorCode.LEAVE_ALREADY_STARTED,
              'Approved leave can be cancelled only before its first day; ask HR.',
              { startDate: request.startDate, today },
            );
        }
        const now = new Date();
        Object.assign(request, {
          status: 'CANCELLED',
          cancelledBy: this.ctx.identity.subject,
          cancelledAt: now,
          correlationId: this.ctx.correlationId,
          updatedAt: now,
        });
        await tx.flush();
        this.ctx.emit(
          tx,
          events.cancelled(request, this.policy(request.leaveType), previousStatus),
        );
        return request.id;
      }),
    );
    return this.reload(id);
  }

  /** Whether the caller may read `employeeId`'s leave (for fields of a readable request). */
  canRead(employeeId: string): Promise<boolean> {
    return canReadLeave(this.ctx.identity, employeeId, this.managersOf);
  }

  private async reload(id: string): Promise<LeaveRequest> {
    const request = await this.ctx.em.fork().findOne(LeaveRequestSchema, id);
    if (!request) throw requestNotFound(id);
    return request;
  }

  /** Maps what only the database sees under concurrency to the error the checks give. */
  private async writing<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof OptimisticLockError) throw concurrentChange(error);
      throw error;
    }
  }
}

function page(rest: LeaveRequest[], first: number, totalCount: number): Page<LeaveRequest> {
  const nodes = rest.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { endCursor: last ? check.cursorOf(last) : null, hasNextPage: rest.length > first },
    totalCount,
  };
}
