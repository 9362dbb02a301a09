import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import {
  foreignEvent,
  startSubgraph,
  type Caller,
  type SubgraphHarness,
  asHandled,
  consumes,
  hrCaller,
  asEmployee,
  asManager,
} from '../../../test-support/startSubgraph';
import { agreementCreatedData, createdData } from '../../../test-support/employeeEvents';
import type { EventEnvelope } from '../../../messaging';
import {
  type ComplianceAnswer,
  DEFAULT_LEAVE_RULES,
  type LeaveRules,
  type LeaveType,
  POLICY_UPDATED,
} from '../../../runtime';
import { applyAgreementEvent, applyEmployeeEvent, createLeave, type LeaveOptions } from '../src';
import { AgreementCopySchema, EmployeeCopySchema, LeaveRequestSchema } from '../src/entities';
import { LeavePolicyCopySchema } from '../src/leavePolicies';

/** The tests' "now": 1 November 2025, midday in London. */
export const NOW = new Date('2025-11-01T12:00:00Z');
export const TODAY = '2025-11-01';

export const hr: Caller = hrCaller;
export { asEmployee, asManager };

export { createdData };

/** An agreements.agreement.created event's data, with this subgraph's usual yearly target. */
export function agreementData(employeeId: string, overrides: Record<string, unknown> = {}) {
  return agreementCreatedData(employeeId, 1560, overrides);
}

/** A compliance.policy.updated event's data: a new version of one leave type's policy. */
export function policyData(
  key: LeaveType,
  version: number,
  effectiveFrom: string,
  changes: Partial<LeaveRules>,
) {
  return {
    kind: 'LEAVE',
    key,
    version,
    effectiveFrom,
    rules: { ...DEFAULT_LEAVE_RULES[key], ...changes },
    previous: DEFAULT_LEAVE_RULES[key],
    reason: null,
  };
}

export interface LeaveHarness extends Omit<SubgraphHarness, 'op'> {
  /** Runs a named contract operation; replies are read field by field. */
  op(name: string, variables?: Record<string, unknown>, caller?: Caller): Promise<any>;
  /** Applies an employees event to leave's copy, as the consumer does. */
  employeeEvent(type: string, data: Record<string, unknown>): Promise<void>;
  /** Applies an agreements event to leave's copy, as the consumer does. */
  agreementEvent(type: string, data: Record<string, unknown>): Promise<void>;
  /** Applies a compliance.policy.updated event (or the very same envelope again), as the consumer does. */
  policyEvent(data: Record<string, unknown> | EventEnvelope): Promise<EventEnvelope>;
  /** Asks leave's validateCompliance question, as compliance does over NATS. */
  complianceCheck(question: Record<string, unknown>): Promise<ComplianceAnswer>;
  /** Makes an employee known to leave (created event), with a full-time agreement year. */
  hire(
    overrides?: Record<string, unknown>,
    agreement?: Record<string, unknown> | null,
  ): Promise<string>;
  /** Requests, copies and outbox: equal before and after means nothing was written. */
  snapshot(): Promise<unknown>;
  /** requestLeave as `caller` (default: the employee themself). */
  request(employeeId: string, input: Record<string, unknown>, caller?: Caller): Promise<any>;
}

export async function startLeave(options: LeaveOptions = {}): Promise<LeaveHarness> {
  const module = createLeave({ now: () => NOW, ...options });
  const h = await startSubgraph(module);
  const policyHandler = module.eventHandlers!.find((d) => consumes(d, POLICY_UPDATED))!;
  const [responder] = module.responders!;
  const employeeEvent = (type: string, data: Record<string, unknown>) =>
    h.transaction((em) => applyEmployeeEvent(em, foreignEvent(type, data) as never));
  const agreementEvent = (type: string, data: Record<string, unknown>) =>
    h.transaction((em) => applyAgreementEvent(em, foreignEvent(type, data) as never));
  return {
    ...h,
    employeeEvent,
    agreementEvent,
    async policyEvent(data) {
      const event =
        'specversion' in data
          ? (data as EventEnvelope)
          : foreignEvent(POLICY_UPDATED, data, `LEAVE:${String(data.key)}`);
      await h.transaction((em) =>
        policyHandler.handle(asHandled(event), {
          em,
          emit: () => {
            throw new Error('A policy copy records no event.');
          },
        }),
      );
      return event;
    },
    complianceCheck: async (question) =>
      (await responder.answer(question, {
        em: h.runtime.orm.em.fork() as SqlEntityManager,
      })) as ComplianceAnswer,
    async hire(overrides = {}, agreement = {}) {
      const id = uuidv7();
      await employeeEvent('employees.employee.created', createdData(id, overrides));
      if (agreement)
        await agreementEvent('agreements.agreement.created', agreementData(id, agreement));
      return id;
    },
    async snapshot() {
      const em = h.runtime.orm.em.fork() as EntityManager;
      return {
        requests: await em.find(LeaveRequestSchema, {}, { orderBy: { id: 'asc' } }),
        employees: (await em.find(EmployeeCopySchema, {}, { orderBy: { id: 'asc' } })).map(
          ({ writeLock: _lock, updatedAt: _at, ...rest }) => rest,
        ),
        agreements: await em.find(AgreementCopySchema, {}, { orderBy: { id: 'asc' } }),
        policies: await em.find(LeavePolicyCopySchema, {}, { orderBy: { id: 'asc' } }),
        events: await h.events(),
      };
    },
    request: (employeeId, input, caller = asEmployee(employeeId)) =>
      h.op('RequestLeave', { input: { leaveType: 'ANNUAL', ...input } }, caller),
  };
}
