import type { EntityManager } from '@mikro-orm/knex';
import type { SubgraphHarness } from './startSubgraph';
import { requestSql } from './sqlShape';

/**
 * A fixed id in a numbered group: suites that write rows straight into tables name them so,
 * the same on every run, so the order of a reply and the statements it cost compare exactly.
 */
export const fixedId = (group: number, n: number) =>
  `0190a3c4-${String(group).padStart(4, '0')}-7000-8000-${String(n).padStart(12, '0')}`;

/** What a suite about batched reads reads from; filled before its tests run. */
export interface BatchedReads<H> {
  h: H;
  /** The one manager above every employee of `ids`. */
  managerId: string;
  /** Fifty employees, `fixedId(0, 0)` to `fixedId(0, 49)`. */
  ids: string[];
}

/**
 * Sets up a suite about batched reads (call it in the `describe` body): starts the subgraph,
 * hires a manager, then `seed` writes the rows of fifty employees under them straight into the
 * tables, since the suite is about reads and one request per row would only slow it.
 */
export function batchedReads<H extends SubgraphHarness & { hire(): Promise<string> }>(
  start: () => Promise<H>,
  seed: (
    em: EntityManager,
    rows: { ids: string[]; managerId: string; now: Date },
  ) => Promise<unknown>,
  hireManager: (h: H) => Promise<string> = (h) => h.hire(),
): BatchedReads<H> {
  const suite = { ids: Array.from({ length: 50 }, (_, i) => fixedId(0, i)) } as BatchedReads<H>;
  beforeAll(async () => {
    suite.h = await start();
    suite.managerId = await hireManager(suite.h);
    const em = suite.h.runtime.orm.em.fork() as EntityManager;
    await seed(em, { ids: suite.ids, managerId: suite.managerId, now: new Date() });
  });
  afterAll(() => suite.h.stop());
  return suite;
}

/** What `run` returned, and the shapes of the statements it sent (see `requestSql`). */
export async function withRequestSql<R>(
  h: Pick<SubgraphHarness, 'countQueries'>,
  run: () => Promise<R>,
): Promise<{ reply: R; sql: string[] }> {
  let reply: R | undefined;
  const sql = await h.countQueries(async () => {
    reply = await run();
  });
  return { reply: reply as R, sql: requestSql(sql) };
}

/** References to `ids` as the gateway sends them for `Employee` fields. */
export const employeeReps = (ids: readonly string[]) =>
  ids.map((id) => ({ __typename: 'Employee' as const, id }));
