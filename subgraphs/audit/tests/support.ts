import { v7 as uuidv7 } from 'uuid';
import { createEvent, type EventEnvelope } from '../../../messaging';
import {
  startSubgraph,
  type Caller,
  type StartSubgraphOptions,
  type SubgraphHarness,
} from '../../../test-support/startSubgraph';
import { audit } from '../src';

export type { Caller };

export interface AuditHarness extends SubgraphHarness {
  /** A bearer token for `caller` (with a made-up subject when it names none). */
  token(caller: Caller): Promise<string>;
}

export const auditor: Caller = { role: 'AUDITOR', sub: uuidv7() };

const withSubject = (caller: Caller): Caller => ({ ...caller, sub: caller.sub ?? uuidv7() });

/**
 * The audit subgraph on a test database (the suite's, when given), called as an auditor by
 * default. Without the daily purge job: these tests seed old entries and purge them themselves.
 */
export async function startAudit(options: StartSubgraphOptions = {}): Promise<AuditHarness> {
  const h = await startSubgraph({ ...audit, jobs: [] }, { defaultCaller: auditor, ...options });
  return {
    ...h,
    token: (caller) => h.issuer.issue(withSubject(caller)),
    gql: (query, variables, caller = auditor) => h.gql(query, variables, withSubject(caller)),
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

/** What verifyChain reports of `checked` entries, in `chains` chains, none of them altered. */
export const intactChain = (checked: number, chains = 1) => ({
  valid: true,
  checked,
  firstInvalidId: null,
  chains,
});
