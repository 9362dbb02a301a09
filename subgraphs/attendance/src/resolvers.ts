import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, inputMutations } from '../../../runtime';
import type { AttendancePolicies } from './attendancePolicies';
import type { AttendanceEntry } from './entities';
import { workedMinutesOf } from './rules';
import {
  AttendanceService,
  type AttendanceContext,
  type DayView,
  type SummaryView,
} from './AttendanceService';

/** Minutes as hours with two decimals. */
export const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

interface EmployeeRef {
  id: string;
}

interface Range {
  from: string;
  to: string;
}

export function createResolvers(
  policies: AttendancePolicies,
): GraphQLResolverMap<AttendanceContext> {
  const service = (ctx: AttendanceContext) => new AttendanceService(ctx, policies);
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: {
      attendanceEntry: (_root, args: { id: string }, ctx: AttendanceContext) =>
        service(ctx).entry(args.id),
    },
    Mutation: inputMutations(service, {
      checkIn: 'checkIn',
      checkOut: 'checkOut',
      recordManualAttendance: 'recordManual',
      processAttendanceDay: 'process',
    }),
    Employee: {
      // A reference costs nothing here: each field checks access per employee, batched.
      __resolveReference: (reference: EmployeeRef) => ({ id: reference.id }),
      attendanceSummary: (employee: EmployeeRef, args: { month: string }, ctx: AttendanceContext) =>
        service(ctx).summary(employee.id, args.month),
      attendance: (employee: EmployeeRef, args: Range, ctx: AttendanceContext) =>
        service(ctx).daysOf(employee.id, args.from, args.to),
      lateArrivals: (employee: EmployeeRef, args: Range, ctx: AttendanceContext) =>
        service(ctx).lateArrivals(employee.id, args.from, args.to),
      attendanceEntries: (employee: EmployeeRef, args: Range, ctx: AttendanceContext) =>
        service(ctx).entriesOf(employee.id, args.from, args.to),
    },
    AttendanceEntry: {
      workedHours: (entry: AttendanceEntry) => hours(workedMinutesOf(entry)),
      late: (entry: AttendanceEntry) => entry.lateByMinutes > 0,
      earlyExit: (entry: AttendanceEntry) => entry.earlyExitMinutes > 0,
      correctsEntryId: (entry: AttendanceEntry) => entry.correctsId,
      supersededByEntryId: (entry: AttendanceEntry) => entry.supersededById,
    },
    AttendanceDay: {
      workedHours: (day: DayView) => hours(day.workedMinutes),
      plannedHours: (day: DayView) => hours(day.plannedMinutes),
      late: (day: DayView) => day.lateByMinutes > 0,
    },
    AttendanceSummary: {
      workedHours: (summary: SummaryView) => hours(summary.workedMinutes),
      overtimeHours: (summary: SummaryView) => hours(summary.overtimeMinutes),
    },
  };
}
