import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar } from '../../../runtime';
import type {
  AmendTimeEntryInput,
  DeleteTimeEntryInput,
  PublishScheduleInput,
  RecordTimeEntryInput,
} from './inputs';
import { TimeService, type TimeContext } from './TimeService';
import type { WorkingTimePolicies } from './workingTimePolicies';

interface EmployeeRef {
  id: string;
}

type Window = { from: string; to: string };

export function createResolvers(policies: WorkingTimePolicies): GraphQLResolverMap<TimeContext> {
  const service = (ctx: TimeContext) => new TimeService(ctx, policies);
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: {
      timeEntry: (_root, args: { id: string }, ctx: TimeContext) => service(ctx).entry(args.id),
    },
    Mutation: {
      recordTimeEntry: (_root, args: { input: RecordTimeEntryInput }, ctx: TimeContext) =>
        service(ctx).record(args.input),
      amendTimeEntry: (_root, args: { input: AmendTimeEntryInput }, ctx: TimeContext) =>
        service(ctx).amend(args.input),
      deleteTimeEntry: (_root, args: { input: DeleteTimeEntryInput }, ctx: TimeContext) =>
        service(ctx).delete(args.input),
      publishSchedule: (_root, args: { input: PublishScheduleInput }, ctx: TimeContext) =>
        service(ctx).publishSchedule(args.input),
    },
    Employee: {
      // A reference costs nothing here: the fields below check access per employee.
      __resolveReference: (reference: EmployeeRef) => ({ id: reference.id }),
      timeEntries: (employee: EmployeeRef, args: Window, ctx: TimeContext) =>
        service(ctx).entriesOf(employee.id, args.from, args.to),
      schedule: (employee: EmployeeRef, args: Window, ctx: TimeContext) =>
        service(ctx).scheduleOf(employee.id, args.from, args.to),
    },
  };
}
