import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { createEvent } from '../../../messaging/src';
import type { EventEnvelope, Namespace } from '../../../messaging/src/types';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { createLocalIssuer, createTokenVerifier } from '../../../runtime/src/auth';
import { createCipher } from '../../../runtime/src/cipher';
import type { Role } from '../../../runtime/src/identity';
import { createLogger } from '../../../runtime/src/logger';
import {
  createSubgraphRuntime,
  type SubgraphRuntime,
} from '../../../runtime/src/subgraph/createSubgraphRuntime';
import type { TestDatabase } from '../../../test-support/database';
import { audit } from '../src';

export const ISSUER = 'hr-platform';

export interface Caller {
  role: Role;
  sub?: string;
}

// Replies are read by path in tests; their shape is checked by the assertions.

type Json = any;

export interface GraphQLReply {
  data?: Record<string, Json> | null;
  errors?: { message: string; extensions?: Record<string, Json> }[];
}

export interface AuditHarness {
  runtime: SubgraphRuntime;
  token(caller: Caller): Promise<string>;
  /** Runs an operation in-process as `caller`. */
  gql(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
}

export const auditor: Caller = { role: 'AUDITOR', sub: uuidv7() };

/** The audit subgraph on the suite's database, with the real token verifier. */
export async function startAudit(
  db: TestDatabase,
  messaging?: { js: JetStreamClient; jsm: JetStreamManager; namespace: Namespace },
  name = 'audit',
): Promise<AuditHarness> {
  const issuer = createLocalIssuer({ dataDir: db.dataDir, issuer: ISSUER, audience: ISSUER });
  const verifier = createTokenVerifier({
    issuer: ISSUER,
    audience: ISSUER,
    algorithms: ['ES256'],
    jwks: issuer.jwks(),
  });
  // Without the daily purge job: these tests seed old entries and purge them themselves.
  const runtime = createSubgraphRuntime(
    { ...audit, jobs: [] },
    {
      target: db.target(name),
      verifier,
      cipher: createCipher(crypto.randomBytes(32)),
      logger: createLogger({ level: 'silent' }),
      messaging,
    },
  );
  await runtime.start();
  const token = (caller: Caller) =>
    issuer.issue({ role: caller.role, sub: caller.sub ?? uuidv7() });
  return {
    runtime,
    token,
    async gql(query, variables, caller = auditor) {
      const authorization = `Bearer ${await token(caller)}`;
      return (await runtime.execute({ query, variables }, { authorization })) as GraphQLReply;
    },
  };
}

export const EMPLOYEE_ID = '0190a3c4-0000-7000-8000-000000000001';
export const MANAGER_ID = '0190a3c4-0000-7000-8000-000000000002';
export const HR_ACTOR = '0190a3c4-0000-7000-8000-0000000000a1';

const employeeData = {
  employeeId: EMPLOYEE_ID,
  employeeNumber: 'E-1001',
  version: 1,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  department: 'Engineering',
  jobTitle: 'Engineer',
  grade: 'G7',
  employmentType: 'FULL_TIME',
  status: 'ACTIVE',
  hireDate: '2024-01-15',
  managerId: null,
  location: 'ENGLAND_AND_WALES',
  timeZone: 'Europe/London',
};

/** One valid event of each employees type, as the employees subgraph publishes them. */
export const employeeDrafts = {
  created: { type: 'employees.employee.created', data: employeeData },
  updated: {
    type: 'employees.employee.updated',
    data: {
      employeeId: EMPLOYEE_ID,
      employeeNumber: 'E-1001',
      version: 2,
      changes: {
        jobTitle: { old: 'Engineer', new: 'Senior Engineer' },
        email: { old: 'ada@example.com', new: 'ada.l@example.com' },
        phone: { old: null, new: '***' },
        salary: { old: '***', new: '***' },
      },
    },
  },
  statusChanged: {
    type: 'employees.employee.status_changed',
    data: {
      employeeId: EMPLOYEE_ID,
      employeeNumber: 'E-1001',
      version: 3,
      from: 'ACTIVE',
      to: 'ON_LEAVE',
    },
  },
  managerAssigned: {
    type: 'employees.manager.assigned',
    data: {
      employeeId: EMPLOYEE_ID,
      employeeNumber: 'E-1001',
      version: 4,
      managerId: MANAGER_ID,
      previousManagerId: null,
    },
  },
  terminated: {
    type: 'employees.employee.terminated',
    data: {
      employeeId: EMPLOYEE_ID,
      employeeNumber: 'E-1001',
      version: 5,
      terminationDate: '2025-03-31',
    },
  },
} as const;

export interface EventOptions {
  type?: string;
  subject?: string;
  data?: Record<string, unknown>;
  time?: Date;
  actor?: string;
  correlationId?: string;
  requestId?: string;
  source?: string;
}

/** A valid employees event (by default employee created), with the given attributes. */
export function makeEvent(options: EventOptions = {}): EventEnvelope {
  const event = createEvent(
    {
      type: options.type ?? employeeDrafts.created.type,
      subject: options.subject ?? EMPLOYEE_ID,
      data: options.data ?? { ...employeeDrafts.created.data },
    },
    {
      source: options.source ?? '/subgraphs/employees',
      correlationId: options.correlationId ?? uuidv7(),
      actor: options.actor ?? HR_ACTOR,
      requestId: options.requestId ?? uuidv7(),
    },
  );
  return options.time ? { ...event, time: options.time.toISOString() } : event;
}

/** `count` events one minute apart from `start`, about employee `subject`. */
export function eventSeries(count: number, start: Date, extra: EventOptions = {}): EventEnvelope[] {
  return Array.from({ length: count }, (_, i) =>
    makeEvent({ ...extra, time: new Date(start.getTime() + i * 60_000) }),
  );
}
