import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, idQueries, inputMutations } from '../../../runtime';
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
    Query: idQueries(service, { timeEntry: 'entry' }),
    Mutation: inputMutations(service, {
      recordTimeEntry: 'record',
      amendTimeEntry: 'amend',
      deleteTimeEntry: 'delete',
      publishSchedule: 'publishSchedule',
    }),
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
