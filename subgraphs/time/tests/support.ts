import { v7 as uuidv7 } from 'uuid';
import type { CataloguedHandler, EventEnvelope } from '../../../messaging';
import { createdData } from '../../../test-support/employeeEvents';
import {
  foreignEvent,
  hrCaller,
  startSubgraph,
  type Caller,
  type GraphQLReply,
  type StartSubgraphOptions,
  type SubgraphHarness,
  asHandled,
  consumes,
} from '../../../test-support/startSubgraph';
import { createTime, type TimeOptions } from '../src';
import {
  EmployeeCopySchema,
  PolicyCopySchema,
  ScheduledShiftSchema,
  TimeEntrySchema,
} from '../src/entities';
import { employeeEntityQuery } from '../../../test-support/employeeEntityQuery';
import { beforeAllValue } from '../../../test-support/beforeAllValue';
import { suiteHarness } from '../../../test-support/suiteHarness';

export { onlyError } from '../../../test-support/startSubgraph';
export type { Caller, GraphQLReply };

export const hr: Caller = hrCaller;

export interface TimeHarness extends SubgraphHarness {
  /** Timecard through an entity reference, as the gateway asks for it. */
  timecard(id: string, from: string, to: string, caller?: Caller): Promise<GraphQLReply>;
  /** Applies an employees event to time's copy, as the consumer does. */
  employeeEvent(type: string, data: Record<string, unknown>): Promise<void>;
  /** Applies a `compliance.policy.updated` event to time's copy, as the consumer does. */
  policyEvent(data: Record<string, unknown>): Promise<void>;
  /** Makes an employee known to time (created event) and returns its id. */
  hire(overrides?: {
    managerId?: string | null;
    status?: string;
    timeZone?: string;
  }): Promise<string>;
  /** Entries, shifts, copies and outbox: equal before and after means nothing was written. */
  snapshot(): Promise<unknown>;
}

export { createdData };

export const employeeEvent = (type: string, data: Record<string, unknown>) =>
  foreignEvent(type, data);

export const policyEvent = (data: Record<string, unknown>) =>
  foreignEvent('compliance.policy.updated', data, `${data.kind}:${data.key}`);

/** The module's own consumer of `event`, as its runtime would pick it. */
function handlerOf(handlers: CataloguedHandler[] = [], event: EventEnvelope) {
  const handler = handlers.find((h) => consumes(h, event.type));
  if (!handler) throw new Error(`time does not consume ${event.type}`);
  return handler;
}

/** Time on a test database; `settings` are the module's, the rest the harness's. */
export async function startTime(
  options: StartSubgraphOptions & TimeOptions = {},
): Promise<TimeHarness> {
  const { settings, ...start } = options;
  const module = createTime({ settings });
  const h = await startSubgraph(module, { defaultCaller: hr, ...start });
  const consume = (event: EventEnvelope) =>
    h.transaction((em) =>
      handlerOf(module.eventHandlers, event).handle(asHandled(event), {
        em,
        emit: () => {
          throw new Error('time emits nothing as it consumes');
        },
      }),
    );
  const apply = (type: string, data: Record<string, unknown>) => consume(employeeEvent(type, data));

  return {
    ...h,
    employeeEvent: apply,
    policyEvent: (data) => consume(policyEvent(data)),
    timecard: (id, from, to, caller) =>
      h.gql(TIMECARD, { reps: [{ __typename: 'Employee', id }], from, to }, caller),
    async hire(overrides = {}) {
      const id = uuidv7();
      await apply('employees.employee.created', createdData(id, overrides));
      return id;
    },
    async snapshot() {
      const em = h.runtime.orm.em.fork();
      return {
        entries: await em.find(TimeEntrySchema, {}, { orderBy: { id: 'asc' } }),
        shifts: await em.find(ScheduledShiftSchema, {}, { orderBy: { id: 'asc' } }),
        employees: (await em.find(EmployeeCopySchema, {}, { orderBy: { id: 'asc' } })).map(
          ({ writeLock: _lock, ...rest }) => rest,
        ),
        policies: await em.find(PolicyCopySchema, {}, { orderBy: { id: 'asc' } }),
        events: await h.events(),
      };
    },
  };
}

/**
 * Time with one employee hired, for a whole suite: started before its tests and stopped after
 * them (suiteHarness). The employee calls as themself (`employee.self`).
 */
export function suiteWithEmployee(): {
  h: TimeHarness;
  employee: { id: string; self: Caller };
} {
  const h = suiteHarness(startTime);
  const employee = beforeAllValue(async () => {
    const id = await h.hire();
    return { id, self: { role: 'EMPLOYEE', sub: id } as Caller };
  });
  return { h, employee };
}

export const TIMECARD = employeeEntityQuery(
  '$from: DateTime!, $to: DateTime!',
  `id timeEntries(from: $from, to: $to) {
    id periodType shiftType startTime endTime mealBreakMinutes version
  }`,
);
