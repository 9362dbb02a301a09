import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import {
  checkExpectedVersion,
  DEFAULT_LOCATION,
  DEFAULT_TIME_ZONE,
  knowEmployee,
  LEAVE_TYPES,
  type LeaveType,
  localDate,
  lockEmployee,
  once,
  pageOf,
  publicHolidaysBetween,
  type SubgraphContext,
  withOptimisticLock,
} from '../../../runtime';
import {
  balanceOf,
  historyFloor,
  leaveYearOf,
  yearInstant,
  type Balance,
  type LeaveYear,
} from './balances';
import { halvesOf } from './days';
import {
  EmployeeCopySchema,
  LeaveRequestSchema,
  type EmployeeCopy,
  type LeaveRequest,
  type LeaveStatus,
} from './entities';
import { badTransition, LeaveReason, requestNotFound, unknownEmployee, violation } from './errors';
import * as events from './events';
import { employeeKnowing } from './handlers';
import * as check from './inputs';
import type {
  CancelLeaveInput,
  DecideLeaveInput,
  PreviewLeaveInput,
  RequestLeaveInput,
} from './inputs';
import { judgeRequest, type Judging } from './judgeRequest';
import type { LeavePolicy } from './leavePolicies';
import type { LeaveLoaders } from './loaders';
import {
  assertCanCheckFor,
  assertCanDecide,
  assertCanReadLeave,
  assertCanReadPolicies,
  assertCanRequestFor,
  canReadLeave,
  decidesForReports,
} from './permissions';
import { previewRequest, type Preview } from './previewRequest';
import type { LeaveSettings } from './settings';

export type LeaveContext = SubgraphContext<LeaveLoaders>;

/** The request the lock and the version checks speak of. */
const REQUEST = 'The leave request';

/** A page of a connection. */
export interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** Leave's use cases: who may, which rules hold, and the event each change records. */
export class LeaveService {
  constructor(
    private readonly ctx: LeaveContext,
    private readonly settings: LeaveSettings,
  ) {}

  private readonly managersOf = (id: string) => this.ctx.loaders.managerChain.load(id);

  private today(employee: Pick<EmployeeCopy, 'timeZone'> | null): string {
    return localDate(this.settings.now(), employee?.timeZone ?? DEFAULT_TIME_ZONE);
  }

  /** The version of each type's policy in force now. */
  async policies(): Promise<LeavePolicy[]> {
    assertCanReadPolicies(this.ctx.identity);
    const book = this.settings.policies.book(await this.ctx.loaders.policyCopies.load('LEAVE'));
    const now = this.settings.now();
    return LEAVE_TYPES.map((type) => book.at(type, now));
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
    const [employee, agreements, bookings, copies] = await Promise.all([
      loaders.employee.load(employeeId),
      loaders.agreements.load(employeeId),
      loaders.activeRequests.load({ employeeId, floor: historyFloor(day) }),
      loaders.policyCopies.load('LEAVE'),
    ]);
    const { config } = this.settings;
    const book = this.settings.policies.book(copies);
    const zone = employee?.timeZone ?? DEFAULT_TIME_ZONE;
    const now = this.settings.now();
    // Each year by its own version: now's while it runs, its last one once it has ended.
    const rulesOf = (type: LeaveType) => (year: LeaveYear) =>
      book.at(type, yearInstant(year, zone, now)).rules;
    const year = leaveYearOf(day, agreements, config);
    return LEAVE_TYPES.filter((type) => rulesOf(type)(year).usesBalance).map((type) =>
      balanceOf(type, rulesOf(type), day, employee, agreements, bookings, config),
    );
  }

  async requestsOf(
    employeeId: string,
    args: { status?: LeaveStatus | null; first?: number | null; after?: string | null },
  ): Promise<Page<LeaveRequest>> {
    const first = check.first(args.first);
    const after = check.after(args.after);
    await assertCanReadLeave(this.ctx.identity, employeeId, this.managersOf);
    const status = args.status ?? null;
    const all = await this.ctx.loaders.requests.load({ employeeId, status });
    // Latest start first; ties by id, descending.
    const rest = after
      ? all.filter(
          (r) =>
            r.startDate < after.startDate || (r.startDate === after.startDate && r.id < after.id),
        )
      : all;
    return page(rest, first, all.length);
  }

  /** Pending and approved requests sharing a day with `from` to `to`, earliest start first. */
  async requestsBetween(employeeId: string, from: unknown, to: unknown): Promise<LeaveRequest[]> {
    const period = check.period(from, to);
    await assertCanReadLeave(this.ctx.identity, employeeId, this.managersOf);
    return this.ctx.loaders.activeBetween.load({ employeeId, ...period });
  }

  /** The public holidays of the employee's location in the period (the default location's when leave does not know them yet). */
  async holidaysBetween(employeeId: string, from: unknown, to: unknown): Promise<string[]> {
    const period = check.period(from, to);
    await assertCanReadLeave(this.ctx.identity, employeeId, this.managersOf);
    const employee = await this.ctx.loaders.employee.load(employeeId);
    return publicHolidaysBetween(employee?.location ?? DEFAULT_LOCATION, period.from, period.to);
  }

  /** Pending requests of the caller's direct reports, earliest start first. */
  async pendingApprovals(args: {
    first?: number | null;
    after?: string | null;
  }): Promise<Page<LeaveRequest>> {
    const first = check.first(args.first);
    const after = check.after(args.after);
    const me = this.ctx.identity.employeeId;
    if (!me || !decidesForReports(this.ctx.identity)) return page([], first, 0);
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

  /** What a request would charge, for whoever may read the employee's leave. */
  async previewLeave(input: PreviewLeaveInput): Promise<Preview> {
    const { identity } = this.ctx;
    const checked = check.requestInput({ ...input, reason: null }, identity.employeeId);
    await assertCanCheckFor(identity, checked.employeeId, this.managersOf);
    if (!(await knowEmployee(this.ctx, checked.employeeId, employeeKnowing)))
      throw unknownEmployee(checked.employeeId);
    const employee = await this.ctx.em.findOneOrFail(EmployeeCopySchema, checked.employeeId);
    return previewRequest(this.ctx.em, this.judging(), checked, employee);
  }

  async requestLeave(input: RequestLeaveInput): Promise<LeaveRequest> {
    const { identity } = this.ctx;
    const checked = check.requestInput(input, identity.employeeId);
    const { employeeId } = checked;
    assertCanRequestFor(identity, employeeId);
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
      const { policy, days, violations } = await judgeRequest(
        tx,
        this.judging(),
        checked,
        employee,
      );
      if (violations.length) throw violations[0];
      const now = new Date();
      const request = tx.create(LeaveRequestSchema, {
        id: uuidv7(),
        employeeId,
        leaveType: checked.leaveType,
        ...checked.span,
        halfDays: halvesOf(days),
        chargedDays: days,
        policyVersion: policy.version,
        status: 'PENDING',
        reason: checked.reason,
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
      this.ctx.emit(tx, events.created(request, policy.rules));
      return request.id;
    });
    return this.reload(id);
  }

  /** What a request is judged with now. */
  private judging(): Judging {
    const { config, policies, now } = this.settings;
    return { config, policies, now: now() };
  }

  /** The version a request was judged by: its later steps follow it, never a newer one. */
  private policyOf(tx: EntityManager, request: LeaveRequest): Promise<LeavePolicy> {
    return this.settings.policies.version(tx, request.leaveType, request.policyVersion);
  }

  approveLeave(input: DecideLeaveInput): Promise<LeaveRequest> {
    return this.decide(input, 'APPROVED');
  }

  rejectLeave(input: DecideLeaveInput): Promise<LeaveRequest> {
    return this.decide(input, 'REJECTED');
  }

  private async decide(input: DecideLeaveInput, to: 'APPROVED' | 'REJECTED') {
    const reason = to === 'REJECTED' ? check.text('reason', input.reason) : null;
    const id = await withOptimisticLock(REQUEST, () =>
      this.ctx.em.transactional(async (tx) => {
        const request = await tx.findOne(LeaveRequestSchema, input.id);
        if (!request) throw requestNotFound(input.id);
        const employee = await tx.findOne(EmployeeCopySchema, request.employeeId);
        await assertCanDecide(this.ctx.identity, request, employee?.managerId ?? null);
        checkExpectedVersion(REQUEST, input.expectedVersion, request.version);
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
        const { rules } = await this.policyOf(tx, request);
        const decided =
          to === 'APPROVED' ? events.approved(request, rules) : events.rejected(request, rules);
        this.ctx.emit(tx, decided);
        return request.id;
      }),
    );
    return this.reload(id);
  }

  async cancelLeave(input: CancelLeaveInput): Promise<LeaveRequest> {
    const id = await withOptimisticLock(REQUEST, () =>
      this.ctx.em.transactional(async (tx) => {
        const request = await tx.findOne(LeaveRequestSchema, input.id);
        if (!request) throw requestNotFound(input.id);
        assertCanRequestFor(this.ctx.identity, request.employeeId);
        checkExpectedVersion(REQUEST, input.expectedVersion, request.version);
        const previousStatus = request.status;
        if (previousStatus !== 'PENDING' && previousStatus !== 'APPROVED')
          throw badTransition(previousStatus, 'CANCELLED');
        const policy = await this.policyOf(tx, request);
        if (previousStatus === 'APPROVED') await this.assertNotStarted(tx, request, policy);
        const now = new Date();
        Object.assign(request, {
          status: 'CANCELLED',
          cancelledBy: this.ctx.identity.subject,
          cancelledAt: now,
          correlationId: this.ctx.correlationId,
          updatedAt: now,
        });
        await tx.flush();
        this.ctx.emit(tx, events.cancelled(request, policy.rules, previousStatus));
        return request.id;
      }),
    );
    return this.reload(id);
  }

  /** Approved leave is cancelled only before its first day (the employee's local today). */
  private async assertNotStarted(tx: EntityManager, request: LeaveRequest, policy: LeavePolicy) {
    const employee = await tx.findOne(EmployeeCopySchema, request.employeeId);
    const today = this.today(employee);
    if (request.startDate <= today)
      throw violation(
        LeaveReason.LEAVE_ALREADY_STARTED,
        policy,
        'Approved leave can be cancelled only before its first day; ask HR.',
        { extensions: { startDate: request.startDate, today } },
      );
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
}

/** A page of requests (`rest` from the page's first on), with the count of them all. */
function page(rest: LeaveRequest[], first: number, totalCount: number): Page<LeaveRequest> {
  return { ...pageOf(rest, first, (r) => [r.startDate, r.id]), totalCount };
}
