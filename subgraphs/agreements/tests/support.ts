import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { OutboxEntry, createEvent } from '../../../messaging/src';
import type { EventEnvelope } from '../../../messaging/src/types';
import { createLocalIssuer, createTokenVerifier } from '../../../runtime/src/auth';
import { createCipher } from '../../../runtime/src/cipher';
import type { Role } from '../../../runtime/src/identity';
import { createLogger } from '../../../runtime/src/logger';
import {
  createSubgraphRuntime,
  type SubgraphMessaging,
  type SubgraphRuntime,
} from '../../../runtime/src/subgraph/createSubgraphRuntime';
import { contractOperation } from '../../../test-support/contractOperation';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database';
import { agreements, employeeCopyHandler } from '../src';

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

export interface AgreementsHarness {
  db: TestDatabase;
  runtime: SubgraphRuntime;
  gql(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
  /** Runs a named operation of schema/contract/agreements.graphql. */
  op(name: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
  /** Feeds an employees event to the local-copy handler, as the consumer would. */
  employeeEvent(type: string, data: Record<string, unknown>): Promise<void>;
  /** Makes an employee known here (an `employees.employee.created`); returns its id. */
  knownEmployee(employeeNumber: string, managerId?: string | null): Promise<string>;
  /** Creates an agreement as HR and returns the reply's agreement. */
  create(input: Record<string, unknown>): Promise<Record<string, Loose>>;
  events(): Promise<EventEnvelope[]>;
  /** Agreements, versions and outbox: equal before and after means nothing was written. */
  snapshot(): Promise<unknown>;
  countQueries(run: () => Promise<unknown>): Promise<string[]>;
  stop(): Promise<void>;
}

/** A valid create input for an agreement year. */
export function agreementInput(
  employeeId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    employeeId,
    agreementType: 'AHA',
    startDate: '2025-04-01',
    endDate: '2026-03-31',
    fte: 0.8,
    termsAndConditions: 'MODERNISED',
    salaryBasis: 'LONDON',
    weeklyHours: 30,
    workingDays: ['MON', 'TUE', 'WED', 'THU'],
    annualLeaveDays: 27,
    targets: [
      { accrualType: 'ANNUAL_TARGET_HOURS', total: 1252.5 },
      { accrualType: 'NIGHT_HOURS', total: 100 },
      { accrualType: 'ON_CALL_WEEKDAY', total: 12 },
    ],
    ...overrides,
  };
}

export const CREATE = `mutation Create($input: CreateAgreementInput!) {
  createAgreement(input: $input) { id version employeeId fte startDate endDate effectiveFrom
    weeklyHours workingDays annualLeaveDays targets { accrualType total } }
}`;

export async function startAgreements(
  messaging?: SubgraphMessaging,
  database?: TestDatabase,
): Promise<AgreementsHarness> {
  const db = database ?? (await createTestDatabase());
  const issuer = createLocalIssuer({ dataDir: db.dataDir, issuer: ISSUER, audience: ISSUER });
  const verifier = createTokenVerifier({
    issuer: ISSUER,
    audience: ISSUER,
    algorithms: ['ES256'],
    jwks: issuer.jwks(),
  });
  const runtime = createSubgraphRuntime(agreements, {
    target: db.target('agreements'),
    verifier,
    cipher: createCipher(crypto.randomBytes(32)),
    logger: createLogger({ level: 'silent' }),
    messaging,
  });
  await runtime.start();
  const connection = () => runtime.orm.em.getConnection() as AbstractSqlConnection;
  const table = (name: string) => (db.url ? `"agreements"."${name}"` : `"${name}"`);
  const select = (name: string) => connection().execute(`select * from ${table(name)} order by id`);

  const gql: AgreementsHarness['gql'] = async (query, variables, caller = hr) => {
    const authorization = `Bearer ${await issuer.issue(caller)}`;
    return (await runtime.execute({ query, variables }, { authorization })) as GraphQLReply;
  };
  const events = async () => {
    const entries = await runtime.orm.em.fork().find(OutboxEntry, {}, { orderBy: { id: 'asc' } });
    return entries.map((entry) => JSON.parse(entry.payload) as EventEnvelope);
  };
  const employeeEvent: AgreementsHarness['employeeEvent'] = async (type, data) => {
    const event = createEvent(
      { type, subject: String(data.employeeId), data },
      { source: '/subgraphs/employees', correlationId: uuidv7() },
    );
    await runtime.orm.em
      .fork()
      .transactional((em: EntityManager) =>
        employeeCopyHandler.handle(event, { em, emit: () => undefined }),
      );
  };

  return {
    db,
    runtime,
    gql,
    op: (name, variables, caller) => gql(contractOperation(name), variables, caller),
    employeeEvent,
    async knownEmployee(employeeNumber, managerId = null) {
      const employeeId = uuidv7();
      await employeeEvent('employees.employee.created', {
        employeeId,
        employeeNumber,
        version: 1,
        managerId,
      });
      return employeeId;
    },
    async create(input) {
      const reply = await gql(CREATE, { input });
      if (reply.errors) throw new Error(`createAgreement failed: ${JSON.stringify(reply.errors)}`);
      return reply.data!.createAgreement;
    },
    events,
    snapshot: async () => ({
      agreements: await select('agreements'),
      versions: await select('agreement_versions'),
      events: await events(),
    }),
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
