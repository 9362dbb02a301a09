import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { OutboxEntry } from '../../../messaging/src';
import type { EventEnvelope } from '../../../messaging/src/types';
import { createLocalIssuer, createTokenVerifier } from '../../../runtime/src/auth';
import { createCipher } from '../../../runtime/src/cipher';
import type { Role } from '../../../runtime/src/identity';
import { createLogger } from '../../../runtime/src/logger';
import {
  createSubgraphRuntime,
  type SubgraphRuntime,
} from '../../../runtime/src/subgraph/createSubgraphRuntime';
import { contractOperation } from '../../../test-support/contractOperation';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database';
import { employees } from '../src';

const ISSUER = 'hr-platform-test';

export interface Caller {
  role: Role;
  sub?: string;
  scopes?: string[];
}

// Tests read replies field by field; a loose type keeps them short.

type Loose = any;

export interface GraphQLReply {
  data?: Record<string, Loose> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, Loose> }[];
}

export interface EmployeesHarness {
  db: TestDatabase;
  runtime: SubgraphRuntime;
  /** A signed bearer token for `caller`. */
  token(caller: Caller): Promise<string>;
  /** Runs an operation in-process, as `caller`, through the real token verifier. */
  gql(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
  /** Runs a named operation of schema/contract/employees.graphql. */
  op(name: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
  /** Creates an employee as HR and returns its id. */
  hire(overrides?: Record<string, unknown>): Promise<string>;
  /** Every stored row of `employees`, as the database holds it. */
  rows(): Promise<Record<string, unknown>[]>;
  /** The events recorded in the outbox, oldest first. */
  events(): Promise<EventEnvelope[]>;
  /** Employees and outbox together: equal before and after means nothing happened. */
  snapshot(): Promise<unknown>;
  /** Counts SQL statements sent while `run` runs. */
  countQueries(run: () => Promise<unknown>): Promise<string[]>;
  stop(): Promise<void>;
}

/** HR as a person without an employee record of their own here. */
export const hr: Caller = { role: 'HR', sub: uuidv7() };
export const admin: Caller = { role: 'ADMIN' };

let sequence = 0;

/** A valid create input, unique per call. */
export function personInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  const tag = `${sequence}${crypto.randomBytes(3).toString('hex')}`;
  return {
    employeeNumber: `T${tag}`,
    firstName: 'Pat',
    lastName: `Person${tag}`,
    email: `pat.${tag}@example.com`,
    phone: '+44 20 7946 0958',
    department: 'Emergency Medicine',
    jobTitle: 'Staff Nurse',
    grade: 'BAND_5',
    employmentType: 'FULL_TIME',
    hireDate: '2021-04-01',
    location: 'ENGLAND_AND_WALES',
    timeZone: 'Europe/London',
    salary: { amountMinor: 3_500_000, currency: 'GBP' },
    ...overrides,
  };
}

const CREATE = `mutation Create($input: CreateEmployeeInput!) {
  createEmployee(input: $input) { id version }
}`;

export async function startEmployees(): Promise<EmployeesHarness> {
  const db = await createTestDatabase();
  const issuer = createLocalIssuer({ dataDir: db.dataDir, issuer: ISSUER, audience: ISSUER });
  const verifier = createTokenVerifier({
    issuer: ISSUER,
    audience: ISSUER,
    algorithms: ['ES256'],
    jwks: issuer.jwks(),
  });
  const runtime = createSubgraphRuntime(employees, {
    target: db.target('employees'),
    verifier,
    cipher: createCipher(crypto.randomBytes(32)),
    logger: createLogger({ level: 'silent' }),
  });
  await runtime.start();
  const connection = () => runtime.orm.em.getConnection() as AbstractSqlConnection;

  const token = (caller: Caller) => issuer.issue(caller);
  const gql: EmployeesHarness['gql'] = async (query, variables, caller = hr) => {
    const authorization = `Bearer ${await token(caller)}`;
    return (await runtime.execute({ query, variables }, { authorization })) as GraphQLReply;
  };
  const table = (name: string) => (db.url ? `"employees"."${name}"` : `"${name}"`);
  const rows = () => connection().execute(`select * from ${table('employees')} order by id`);
  const events = async () => {
    const entries = await runtime.orm.em.fork().find(OutboxEntry, {}, { orderBy: { id: 'asc' } });
    return entries.map((entry) => JSON.parse(entry.payload) as EventEnvelope);
  };

  return {
    db,
    runtime,
    token,
    gql,
    op: (name, variables, caller) => gql(contractOperation(name), variables, caller),
    async hire(overrides = {}) {
      const reply = await gql(CREATE, { input: personInput(overrides) });
      if (reply.errors) throw new Error(`createEmployee failed: ${JSON.stringify(reply.errors)}`);
      return reply.data!.createEmployee.id as string;
    },
    rows,
    events,
    snapshot: async () => ({ employees: await rows(), events: await events() }),
    async countQueries(run) {
      const sql: string[] = [];
      const knex = connection().getKnex();
      const listener = (query: { sql: string }) => sql.push(query.sql);
      knex.on('query', listener);
      try {
        await run();
      } finally {
        knex.removeListener('query', listener);
      }
      return sql;
    },
    async stop() {
      await runtime.stop();
      await db.drop();
    },
  };
}

/** The single error of a reply, for rule tests. */
export function onlyError(reply: GraphQLReply) {
  expect(reply.errors).toHaveLength(1);
  return reply.errors![0];
}
