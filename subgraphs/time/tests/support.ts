import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { OutboxEntry, createEvent } from '../../../messaging/src';
import type { EventEnvelope, Namespace } from '../../../messaging/src/types';
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
import { createdData } from '../../../test-support/employeeEvents';
import { applyEmployeeEvent, policyCopies, time } from '../src';
import {
  EmployeeCopySchema,
  PolicyCopySchema,
  ScheduledShiftSchema,
  TimeEntrySchema,
} from '../src/entities';

const ISSUER = 'hr-platform-test';

export interface Caller {
  role: Role;
  sub?: string;
}

// Tests read replies field by field; a loose type keeps them short.
type Loose = any;

export interface GraphQLReply {
  data?: Record<string, Loose> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, Loose> }[];
}

export const hr: Caller = { role: 'HR', sub: uuidv7() };

export interface TimeHarness {
  db: TestDatabase;
  runtime: SubgraphRuntime;
  gql(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
  /** Runs a named operation of schema/contract/time.graphql. */
  op(name: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
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
  /** Outbox events, oldest first. */
  events(): Promise<EventEnvelope[]>;
  /** Entries, shifts, copies and outbox: equal before and after means nothing was written. */
  snapshot(): Promise<unknown>;
  countQueries(run: () => Promise<unknown>): Promise<string[]>;
  stop(): Promise<void>;
}

export { createdData };

export const employeeEvent = (type: string, data: Record<string, unknown>) =>
  createEvent(
    { type, subject: String(data.employeeId), data },
    { source: '/subgraphs/employees', correlationId: uuidv7() },
  );

export const policyEvent = (data: Record<string, unknown>) =>
  createEvent(
    { type: 'compliance.policy.updated', subject: `${data.kind}:${data.key}`, data },
    { source: '/subgraphs/compliance', correlationId: uuidv7() },
  );

export async function startTime(
  messaging?: { js: JetStreamClient; jsm: JetStreamManager; namespace: Namespace },
  db?: TestDatabase,
): Promise<TimeHarness> {
  const database = db ?? (await createTestDatabase());
  const issuer = createLocalIssuer({
    dataDir: database.dataDir,
    issuer: ISSUER,
    audience: ISSUER,
  });
  const verifier = createTokenVerifier({
    issuer: ISSUER,
    audience: ISSUER,
    algorithms: ['ES256'],
    jwks: issuer.jwks(),
  });
  const runtime = createSubgraphRuntime(time, {
    target: database.target('time'),
    verifier,
    cipher: createCipher(crypto.randomBytes(32)),
    logger: createLogger({ level: 'silent' }),
    messaging,
  });
  await runtime.start();
  const connection = () => runtime.orm.em.getConnection() as AbstractSqlConnection;
  const gql: TimeHarness['gql'] = async (query, variables, caller = hr) => {
    const authorization = `Bearer ${await issuer.issue(caller)}`;
    return (await runtime.execute({ query, variables }, { authorization })) as GraphQLReply;
  };
  const events = async () => {
    const rows = await runtime.orm.em.fork().find(OutboxEntry, {}, { orderBy: { id: 'asc' } });
    return rows.map((row) => JSON.parse(row.payload) as EventEnvelope);
  };
  const apply = (type: string, data: Record<string, unknown>) =>
    runtime.orm.em.fork().transactional((em) => applyEmployeeEvent(em, employeeEvent(type, data)));

  return {
    db: database,
    runtime,
    gql,
    op: (name, variables, caller) => gql(contractOperation(name), variables, caller),
    employeeEvent: apply,
    policyEvent: (data) =>
      runtime.orm.em.fork().transactional((em) => policyCopies.apply(em, policyEvent(data))),
    timecard: (id, from, to, caller) =>
      gql(TIMECARD, { reps: [{ __typename: 'Employee', id }], from, to }, caller),
    async hire(overrides = {}) {
      const id = uuidv7();
      await apply('employees.employee.created', createdData(id, overrides));
      return id;
    },
    events,
    async snapshot() {
      const em = runtime.orm.em.fork();
      return {
        entries: await em.find(TimeEntrySchema, {}, { orderBy: { id: 'asc' } }),
        shifts: await em.find(ScheduledShiftSchema, {}, { orderBy: { id: 'asc' } }),
        employees: (await em.find(EmployeeCopySchema, {}, { orderBy: { id: 'asc' } })).map(
          ({ writeLock: _lock, ...rest }) => rest,
        ),
        policies: await em.find(PolicyCopySchema, {}, { orderBy: { id: 'asc' } }),
        events: await events(),
      };
    },
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
      if (!db) await database.drop();
    },
  };
}

/** The single error of a reply, for rule tests. */
export function onlyError(reply: GraphQLReply) {
  expect(reply.errors).toHaveLength(1);
  return reply.errors![0];
}

export const TIMECARD = `query ($reps: [_Any!]!, $from: DateTime!, $to: DateTime!) {
  _entities(representations: $reps) {
    ... on Employee {
      id
      timeEntries(from: $from, to: $to) {
        id periodType shiftType startTime endTime mealBreakMinutes version
      }
    }
  }
}`;
