import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { createEvent, loadCatalogue } from '../../../messaging/src';
import type { EventDraft, EventEnvelope } from '../../../messaging/src/types';
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
import { applyEvent, createAccruals } from '../src';

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

const catalogue = loadCatalogue();

export interface AccrualsHarness {
  db: TestDatabase;
  runtime: SubgraphRuntime;
  gql(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
  /** Runs a named operation of schema/contract/. */
  op(name: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
  /** Applies a catalogue-valid event in one transaction, as the consumer does. */
  apply(event: EventEnvelope): Promise<void>;
  /** Every event applying events emitted so far, validated against the catalogue. */
  emitted: EventEnvelope[];
  /** The clock balances' status is checked by; null is the real one. */
  clock: { now: Date | null };
  /** The SQL `run` sends. */
  countQueries(run: () => Promise<unknown>): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startAccruals(options: { now?: Date } = {}): Promise<AccrualsHarness> {
  const clock = { now: options.now ?? null };
  const now = () => clock.now ?? new Date();
  const database = await createTestDatabase();
  const issuer = createLocalIssuer({ dataDir: database.dataDir, issuer: ISSUER, audience: ISSUER });
  const verifier = createTokenVerifier({
    issuer: ISSUER,
    audience: ISSUER,
    algorithms: ['ES256'],
    jwks: issuer.jwks(),
  });
  const runtime = createSubgraphRuntime(createAccruals({ now }), {
    target: database.target('accruals'),
    verifier,
    cipher: createCipher(crypto.randomBytes(32)),
    logger: createLogger({ level: 'silent' }),
    // Tests run the daily job themselves, on their own clock.
    runWorkers: false,
  });
  await runtime.start();
  const gql: AccrualsHarness['gql'] = async (query, variables, caller = hr) => {
    const authorization = `Bearer ${await issuer.issue(caller)}`;
    return (await runtime.execute({ query, variables }, { authorization })) as GraphQLReply;
  };
  const emitted: EventEnvelope[] = [];
  return {
    db: database,
    runtime,
    gql,
    op: (name, variables, caller) => gql(contractOperation(name), variables, caller),
    emitted,
    clock,
    async apply(event) {
      catalogue.validate(event);
      const drafts: EventDraft[] = [];
      await runtime.orm.em
        .fork()
        .transactional((em) => applyEvent(em, event, (draft) => drafts.push(draft), now()));
      for (const draft of drafts)
        emitted.push(
          catalogue.validate(
            createEvent(draft, {
              source: '/subgraphs/accruals',
              correlationId: event.correlationid,
              causationId: event.id,
            }),
          ),
        );
    },
    async countQueries(run) {
      const sql: string[] = [];
      const knex = (runtime.orm.em.getConnection() as AbstractSqlConnection).getKnex();
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
      await database.drop();
    },
  };
}

const source = (type: string) => `/subgraphs/${type.split('.')[0]}`;

export const event = (
  type: string,
  subject: string,
  data: Record<string, unknown>,
  correlationId: string = uuidv7(),
) => createEvent({ type, subject, data }, { source: source(type), correlationId });

export const employeeCreated = (id: string, overrides: Record<string, unknown> = {}) =>
  event('employees.employee.created', id, createdData(id, overrides));

export interface Amount {
  accrualType: string;
  total: number;
}

export function agreementEvent(
  employeeId: string,
  options: {
    agreementId?: string;
    version?: number;
    type?: 'created' | 'amended' | 'ended';
    startDate?: string;
    endDate?: string;
    targets?: Amount[];
    openingBalances?: Amount[];
    correlationId?: string;
  } = {},
) {
  const agreementId = options.agreementId ?? uuidv7();
  const correlationId = options.correlationId ?? uuidv7();
  const startDate = options.startDate ?? '2025-04-01';
  return event(
    `agreements.agreement.${options.type ?? 'created'}`,
    agreementId,
    {
      agreementId,
      employeeId,
      version: options.version ?? 1,
      effectiveFrom: startDate,
      agreementType: 'AHA',
      startDate,
      endDate: options.endDate ?? '2026-03-31',
      fte: 1,
      targets: options.targets ?? [
        { accrualType: 'ANNUAL_TARGET_HOURS', total: 1950 },
        { accrualType: 'NIGHT_HOURS', total: 100 },
        { accrualType: 'WEEKEND_HOURS', total: 100 },
        { accrualType: 'PUBLIC_HOLIDAY_HOURS', total: 20 },
        { accrualType: 'ON_CALL_WEEKDAY', total: 10 },
        { accrualType: 'ON_CALL_WEEKEND', total: 5 },
        { accrualType: 'ON_CALL_PUBLIC_HOLIDAY', total: 2 },
      ],
      openingBalances: options.openingBalances ?? [],
      correlationId,
      ...(options.type === 'ended' && { previousEndDate: '2026-03-31' }),
    },
    correlationId,
  );
}

export interface EntryFields {
  entryId: string;
  employeeId: string;
  version: number;
  startTime: string;
  endTime: string | null;
  periodType?: string;
  mealBreakMinutes?: number;
}

export function entryEvent(
  kind: 'recorded' | 'amended' | 'deleted',
  fields: EntryFields,
  correlationId: string = uuidv7(),
) {
  const base = {
    employeeId: fields.employeeId,
    entryId: fields.entryId,
    version: fields.version,
    periodType: fields.periodType ?? 'SHIFT',
    shiftType: null,
    startTime: fields.startTime,
    endTime: fields.endTime,
    mealBreakMinutes: fields.mealBreakMinutes ?? 0,
  };
  const extra =
    kind === 'amended'
      ? {
          previous: {
            periodType: base.periodType,
            shiftType: null,
            startTime: base.startTime,
            endTime: base.endTime,
            mealBreakMinutes: base.mealBreakMinutes,
          },
        }
      : kind === 'deleted'
        ? { deletedAt: new Date().toISOString() }
        : {};
  return event(`time.entry.${kind}`, fields.entryId, { ...base, ...extra }, correlationId);
}

export const DAYS = `query ($reps: [_Any!]!, $type: AccrualType!, $from: Date!, $to: Date!) {
  _entities(representations: $reps) {
    ... on Employee { accrualDays(type: $type, from: $from, to: $to) { date dayTotal cumulativeTotal } unassignedAccrualEntries }
  }
}`;

export const SUMMARY = `query ($reps: [_Any!]!, $on: Date!) {
  _entities(representations: $reps) {
    ... on Employee {
      accruals(on: $on) {
        accrualType measurementUnit target worked remaining expectedToDate status
        agreement { id startDate endDate }
      }
    }
  }
}`;
