import crypto from 'node:crypto';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import {
  startSubgraph,
  type Caller,
  type StartSubgraphOptions,
  type SubgraphHarness,
  hrCaller,
} from '../../../test-support/startSubgraph';
import { personInput as seedPersonInput } from '../../../test-support/seedOrganisation';
import { createEmployees, employees, type EmployeesOptions } from '../src';
import type { Employee } from '../src/entities';

export { onlyError, type Caller, type GraphQLReply } from '../../../test-support/startSubgraph';

export interface EmployeesHarness extends SubgraphHarness {
  /** Creates an employee as HR and returns its id. */
  hire(overrides?: Record<string, unknown>): Promise<string>;
  /** Every stored row of `employees`, as the database holds it. */
  rows(): Promise<Record<string, unknown>[]>;
  /** Employees and outbox together: equal before and after means nothing happened. */
  snapshot(): Promise<unknown>;
}

/** HR as a person without an employee record of their own here. */
export const hr: Caller = hrCaller;
export const admin: Caller = { role: 'ADMIN' };

/**
 * A row of `employees` for suites that write rows straight into the table (they are about
 * reads): an active, full-time employee in England with no manager, unless `fields` say so.
 */
export const employeeRow = (
  now: Date,
  fields: Pick<
    Employee,
    | 'id'
    | 'employeeNumber'
    | 'firstName'
    | 'lastName'
    | 'email'
    | 'department'
    | 'jobTitle'
    | 'grade'
  > &
    Partial<Employee>,
): Employee => ({
  emailKey: fields.email.toLowerCase(),
  phoneSealed: null,
  employmentType: 'FULL_TIME',
  status: 'ACTIVE',
  hireDate: '2020-01-01',
  terminationDate: null,
  managerId: null,
  location: 'ENGLAND_AND_WALES',
  timeZone: 'Europe/London',
  salarySealed: null,
  version: 1,
  createdAt: now,
  updatedAt: now,
  ...fields,
});

let sequence = 0;

/** A valid create input, unique per call. */
export function personInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  const tag = `${sequence}${crypto.randomBytes(3).toString('hex')}`;
  return seedPersonInput('Pat', `Person${tag}`, {
    employeeNumber: `T${tag}`,
    email: `pat.${tag}@example.com`,
    ...overrides,
  });
}

const CREATE = `mutation Create($input: CreateEmployeeInput!) {
  createEmployee(input: $input) { id version }
}`;

/** Starts employees on a test database; `now` pins the clock whose local day ends employments. */
export async function startEmployees(
  options: StartSubgraphOptions & EmployeesOptions = {},
): Promise<EmployeesHarness> {
  const { now, ...start } = options;
  const module = now ? createEmployees({ now }) : employees;
  // Without NATS the workers are only the scheduler, whose polls would show among the SQL
  // the read suites count; the job's suite drives it itself.
  const runWorkers = start.runWorkers ?? start.messaging !== undefined;
  const h = await startSubgraph(module, { defaultCaller: hr, ...start, runWorkers });
  const table = (name: string) => (h.db.url ? `"employees"."${name}"` : `"${name}"`);
  const rows = () =>
    (h.runtime.orm.em.getConnection() as AbstractSqlConnection).execute(
      `select * from ${table('employees')} order by id`,
    );
  return {
    ...h,
    async hire(overrides = {}) {
      const reply = await h.gql(CREATE, { input: personInput(overrides) });
      if (reply.errors) throw new Error(`createEmployee failed: ${JSON.stringify(reply.errors)}`);
      return reply.data!.createEmployee.id as string;
    },
    rows,
    snapshot: async () => ({ employees: await rows(), events: await h.events() }),
  };
}
