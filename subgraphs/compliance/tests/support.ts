import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_NAMESPACE, createEvent, recordEvent } from '../../../messaging/src';
import { createdData } from '../../../test-support/employeeEvents';
import {
  foreignEvent,
  startSubgraph,
  type Caller,
  type StartSubgraphOptions,
  type SubgraphHarness,
} from '../../../test-support/startSubgraph';
import { applyEmployeeEvent, createCompliance, type ComplianceOptions } from '../src';

/** The tests' "now": 1 November 2025, midday in London. */
export const NOW = new Date('2025-11-01T12:00:00Z');
export const TODAY = '2025-11-01';

export const hr: Caller = { role: 'HR', sub: uuidv7() };
export const admin: Caller = { role: 'ADMIN', sub: uuidv7() };
export const auditor: Caller = { role: 'AUDITOR', sub: 'service:auditor' };
export const asEmployee = (id: string): Caller => ({ role: 'EMPLOYEE', sub: id });
export const asManager = (id: string): Caller => ({ role: 'MANAGER', sub: id });

export interface ComplianceHarness extends SubgraphHarness {
  /** Applies an employees event to compliance's copy, as the consumer does. */
  employeeEvent(type: string, data: Record<string, unknown>): Promise<void>;
  /** Makes an employee known to compliance (created event); returns their id. */
  hire(overrides?: Record<string, unknown>): Promise<string>;
  /**
   * Hands an event to every compliance consumer that takes its type, each in its own
   * transaction as the consumers do; follow-up events land in the outbox.
   */
  feed(type: string, data: Record<string, unknown>): Promise<void>;
}

/** Compliance served in-process on a test database, on the tests' clock by default. */
export async function startCompliance(
  options: ComplianceOptions = {},
  harness: StartSubgraphOptions = {},
): Promise<ComplianceHarness> {
  const module = createCompliance({ now: () => NOW, ...options });
  const h = await startSubgraph(module, harness);
  const employeeEvent = (type: string, data: Record<string, unknown>) =>
    h.transaction((em) => applyEmployeeEvent(em, foreignEvent(type, data)));
  return {
    ...h,
    employeeEvent,
    async hire(overrides = {}) {
      const id = uuidv7();
      await employeeEvent('employees.employee.created', createdData(id, overrides));
      return id;
    },
    async feed(type, data) {
      const event = foreignEvent(type, data);
      const meta = { source: '/subgraphs/compliance', correlationId: event.correlationid };
      for (const handler of module.eventHandlers ?? []) {
        if (!handler.types.includes(type)) continue;
        await h.transaction((em) =>
          handler.handle(event, {
            em,
            emit: (draft) => recordEvent(em, createEvent(draft, meta), DEFAULT_NAMESPACE),
          }),
        );
      }
    },
  };
}
