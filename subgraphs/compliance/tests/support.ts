import { v7 as uuidv7 } from 'uuid';
import { closeNats, connectNats, type EventEnvelope } from '../../../messaging';
import { createTestNamespace } from '../../../messaging/testing';
import type { SubgraphMessaging } from '../../../runtime';
import { createdData } from '../../../test-support/employeeEvents';
import {
  foreignEvent,
  handleEvent,
  startSubgraph,
  type Caller,
  type StartSubgraphOptions,
  type SubgraphHarness,
  hrCaller,
  asEmployee,
  asManager,
} from '../../../test-support/startSubgraph';
import { applyEmployeeEvent, createCompliance, type ComplianceOptions } from '../src';

/** The tests' "now": 1 November 2025, midday in London. */
export const NOW = new Date('2025-11-01T12:00:00Z');
export const TODAY = '2025-11-01';

export const hr: Caller = hrCaller;
export const admin: Caller = { role: 'ADMIN', sub: uuidv7() };
export const auditor: Caller = { role: 'AUDITOR', sub: 'service:auditor' };
export { asEmployee, asManager };

export interface ComplianceHarness extends SubgraphHarness {
  /** Applies an employees event to compliance's copy, as the consumer does. */
  employeeEvent(type: string, data: Record<string, unknown>): Promise<void>;
  /** Makes an employee known to compliance (created event); returns their id. */
  hire(overrides?: Record<string, unknown>): Promise<string>;
  /**
   * Hands an event to every compliance consumer that lists its type, as the runtime does
   * (validated against the catalogue, follow-up events recorded in the outbox).
   */
  feed(event: EventEnvelope): Promise<void>;
  /** A foreign event of `type` with `data`, fed; returns the envelope. */
  send(type: string, data: Record<string, unknown>): Promise<EventEnvelope>;
}

/** Compliance served in-process on a test database, on the tests' clock by default. */
export async function startCompliance(
  options: ComplianceOptions = {},
  harness: StartSubgraphOptions = {},
): Promise<ComplianceHarness> {
  const module = createCompliance({ now: () => NOW, ...options });
  const h = await startSubgraph(module, harness);
  const employeeEvent = (type: string, data: Record<string, unknown>) =>
    h.transaction((em) => applyEmployeeEvent(em, foreignEvent(type, data) as never));
  const feed = (event: EventEnvelope) => handleEvent(h, module, event);
  return {
    ...h,
    employeeEvent,
    feed,
    async send(type, data) {
      const event = foreignEvent(type, data);
      await feed(event);
      return event;
    },
    async hire(overrides = {}) {
      const id = uuidv7();
      await employeeEvent('employees.employee.created', createdData(id, overrides));
      return id;
    },
  };
}

/** The real NATS on a namespace of the suite's own, for questions between subgraphs. */
export interface TestMessaging {
  messaging: SubgraphMessaging;
  close(): Promise<void>;
}

/** Connects to the test NATS with a fresh namespace (no streams: questions need none). */
export async function connectTestMessaging(name = 'compliance-test'): Promise<TestMessaging> {
  const { nc, js, jsm } = await connectNats({
    servers: process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
    name,
  });
  return {
    messaging: { nc, js, jsm, namespace: createTestNamespace() },
    close: () => closeNats(nc),
  };
}
