import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, inputMutations, SERVICE_PREFIX } from '../../../runtime';
import type { Balance } from './balances';
import { halvesOf } from './days';
import type { LeaveRequest, LeaveStatus } from './entities';
import type { PreviewLeaveInput } from './inputs';
import { LeaveService, type LeaveContext } from './LeaveService';
import type { Preview } from './previewRequest';
import type { LeaveSettings } from './settings';

interface EmployeeRef {
  id: string;
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

type Service = (ctx: LeaveContext) => LeaveService;

/** An Employee reference for a person, or null for a service principal. */
const person = (subject: string | null | undefined) =>
  subject && !subject.startsWith(SERVICE_PREFIX) ? { id: subject } : null;

const queries = (service: Service) => ({
  leaveRequest: (_root: unknown, args: { id: string }, ctx: LeaveContext) =>
    service(ctx).request(args.id),
  pendingLeaveApprovals: (_root: unknown, args: PageArgs, ctx: LeaveContext) =>
    service(ctx).pendingApprovals(args),
  leaveRequestPreview: (_root: unknown, args: { input: PreviewLeaveInput }, ctx: LeaveContext) =>
    service(ctx).previewLeave(args.input),
  leavePolicies: async (_root: unknown, _args: unknown, ctx: LeaveContext) =>
    (await service(ctx).policies()).map(({ key, rules, version, effectiveFrom }) => ({
      leaveType: key,
      ...rules,
      version,
      effectiveFrom,
    })),
});

const mutations = (service: Service) =>
  inputMutations(service, {
    requestLeave: 'requestLeave',
    approveLeave: 'approveLeave',
    rejectLeave: 'rejectLeave',
    cancelLeave: 'cancelLeave',
  });

const employee = (service: Service) => ({
  // A reference costs nothing here: the fields below check access per employee.
  __resolveReference: (reference: EmployeeRef) => ({ id: reference.id }),
  leaveBalances: (ref: EmployeeRef, args: { on: string }, ctx: LeaveContext) =>
    service(ctx).balancesOf(ref.id, args.on),
  leaveRequests: (
    ref: EmployeeRef,
    args: PageArgs & { status?: LeaveStatus | null },
    ctx: LeaveContext,
  ) => service(ctx).requestsOf(ref.id, args),
  leaveBetween: (ref: EmployeeRef, args: { from: string; to: string }, ctx: LeaveContext) =>
    service(ctx).requestsBetween(ref.id, args.from, args.to),
  publicHolidaysBetween: (
    ref: EmployeeRef,
    args: { from: string; to: string },
    ctx: LeaveContext,
  ) => service(ctx).holidaysBetween(ref.id, args.from, args.to),
});

const leaveRequest = (service: Service) => ({
  __resolveReference: (reference: { id: string }, ctx: LeaveContext) =>
    service(ctx).request(reference.id),
  employee: (request: LeaveRequest) => ({ id: request.employeeId }),
  days: (request: LeaveRequest) => request.halfDays / 2,
  requestedAt: (request: LeaveRequest) => request.createdAt,
  approvedBy: (request: LeaveRequest) =>
    request.decision === 'APPROVED' ? person(request.decidedBy) : null,
  approvedAt: (request: LeaveRequest) =>
    request.decision === 'APPROVED' ? request.decidedAt : null,
  rejectedBy: (request: LeaveRequest) =>
    request.decision === 'REJECTED' ? person(request.decidedBy) : null,
  rejectedAt: (request: LeaveRequest) =>
    request.decision === 'REJECTED' ? request.decidedAt : null,
});

/** Days are kept in halves; GraphQL shows them in days. */
const leaveRequestPreview = {
  days: (preview: Preview) => halvesOf(preview.days) / 2,
  dates: (preview: Preview) => preview.days.map((d) => ({ date: d.date, days: d.halves / 2 })),
  publicHolidays: (preview: Preview) => preview.holidays,
  policyVersion: (preview: Preview) => preview.policy.version,
  balance: (preview: Preview) =>
    preview.balance && {
      leaveYearStart: preview.balance.yearStart,
      leaveYearEnd: preview.balance.yearEnd,
      remainingBefore: preview.balance.before / 2,
      remainingAfter: preview.balance.after / 2,
    },
};

const leaveBalance = {
  leaveYearStart: (balance: Balance) => balance.year.start,
  leaveYearEnd: (balance: Balance) => balance.year.end,
  entitlement: (balance: Balance) => balance.entitlement / 2,
  carriedOver: (balance: Balance) => balance.carriedOver / 2,
  taken: (balance: Balance) => balance.taken / 2,
  pending: (balance: Balance) => balance.pending / 2,
  remaining: (balance: Balance) => balance.remaining / 2,
};

export function createResolvers(settings: LeaveSettings): GraphQLResolverMap<LeaveContext> {
  const service: Service = (ctx) => new LeaveService(ctx, settings);
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: queries(service),
    Mutation: mutations(service),
    Employee: employee(service),
    LeaveRequest: leaveRequest(service),
    LeaveRequestPreview: leaveRequestPreview,
    LeaveBalance: leaveBalance,
  };
}
