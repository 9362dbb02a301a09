import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import {
  createEvent,
  ensureStreams,
  type Namespace,
  type NatsClients,
  subjectFor,
} from '../../messaging';
import { createTestNamespace, deleteStreams } from '../../messaging/testing';
import type { SubgraphModule } from '../../runtime';
import { createdData } from '../../test-support/employeeEvents';
import { startSubgraph } from '../../test-support/startSubgraph';

/** The module without its batch paths: each event goes through `handle` alone. */
export function withoutBatchPaths<M extends Pick<SubgraphModule<never>, 'eventHandlers'>>(
  module: M,
): M {
  const eventHandlers = module.eventHandlers?.map((handler) => ({
    ...handler,
    handleBatch: undefined,
  }));
  return { ...module, eventHandlers };
}

/**
 * Counts the SQL statements the subgraph sends, but for the bench's own `count` polls (a
 * `select count(*)`), so a batch path's cost can be read beside its rate.
 */
function countStatements(em: EntityManager) {
  let total = 0;
  const knex = (em.getConnection() as AbstractSqlConnection).getKnex();
  knex.on('query', (q: { sql: string }) => {
    if (!/^select count\(/i.test(q.sql)) total += 1;
  });
  return { total: () => total };
}

/** `count` hires, published before the subgraph starts, so they wait as a backlog. */
async function publishHires(
  nats: NatsClients,
  namespace: Namespace,
  count: number,
  hireData: (id: string) => Record<string, unknown> = () => ({}),
) {
  const subject = subjectFor('employees.employee.created', namespace);
  for (let i = 0; i < count; i += 200) {
    const batch = Array.from({ length: Math.min(200, count - i) }, () => {
      const id = uuidv7();
      const event = createEvent(
        { type: 'employees.employee.created', subject: id, data: createdData(id, hireData(id)) },
        { source: '/subgraphs/employees', correlationId: uuidv7(), actor: 'bench' },
      );
      return nats.js.publish(subject, JSON.stringify(event), { msgID: event.id });
    });
    await Promise.all(batch);
  }
}

export interface CatchUpOptions<T> {
  /** How many hires wait for the subgraph. */
  hires: number;
  /** How many of them the subgraph has taken in so far (rows of its table). */
  count(em: EntityManager): Promise<number>;
  /** What each hire says beside the usual (`createdData`): a manager, say. */
  hireData?(id: string): Record<string, unknown>;
  /** What to read once it has them all, before it stops. */
  inspect?(em: EntityManager): Promise<T>;
}

/**
 * Publishes `hires` into a fresh namespace, then starts `module` on a fresh database and
 * times until `count` reaches them all: seconds from the subgraph's start (its schema and
 * durables included), and the rate from the first one taken in on.
 */
export async function catchUpOnHires<T = undefined>(
  nats: NatsClients,
  module: SubgraphModule<unknown>,
  { hires, count, inspect, hireData }: CatchUpOptions<T>,
): Promise<{
  seconds: number;
  rate: number;
  statementsPerEvent: number;
  inspected: T | undefined;
}> {
  const namespace = createTestNamespace();
  await ensureStreams(nats.jsm, namespace);
  try {
    await publishHires(nats, namespace, hires, hireData);
    const started = performance.now();
    const subgraph = await startSubgraph(module, {
      messaging: { nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace },
    });
    const statements = countStatements(subgraph.runtime.orm.em);
    try {
      const em = subgraph.runtime.orm.em;
      const deadline = started + 900_000;
      let first: { at: number; count: number } | undefined;
      for (let n = 0; n < hires; n = await count(em.fork())) {
        if (performance.now() > deadline) throw new Error('no catch-up within 15 minutes');
        if (n > 0) first ??= { at: performance.now(), count: n };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const ended = performance.now();
      return {
        seconds: (ended - started) / 1000,
        rate: first ? ((hires - first.count) * 1000) / (ended - first.at) : NaN,
        // The bench's own counting polls are left out: they are not the subgraph's work.
        statementsPerEvent: statements.total() / hires,
        inspected: await inspect?.(em.fork()),
      };
    } finally {
      await subgraph.stop();
    }
  } finally {
    await deleteStreams(nats.jsm, namespace);
  }
}
