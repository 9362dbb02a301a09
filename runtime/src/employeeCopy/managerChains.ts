import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { chunks } from '../chunks';
import { sqlTable } from '../database';

/** Deeper than any real organisation; stops a walk if bad data ever held a loop. */
const MAX_DEPTH = 64;

/**
 * The managers above each employee in a table of reporting lines (the entity `entity`,
 * with `manager_id`: employees' own table or a subgraph's copy of it), nearest first.
 */
export async function managerChains(
  em: EntityManager,
  entity: string,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const chains = new Map(ids.map((id) => [id, [] as string[]]));
  const t = sqlTable(em, entity);
  for (const part of chunks(ids)) {
    const rows = await em.execute<{ start_id: string; manager_id: string }[]>(
      `with recursive chain(start_id, manager_id, depth) as (
         select id, manager_id, 0 from ${t} where id in (${part.map(() => '?').join(', ')})
         union all
         select chain.start_id, e.manager_id, chain.depth + 1
           from chain join ${t} e on e.id = chain.manager_id
          where chain.depth < ${MAX_DEPTH}
       )
       select start_id, manager_id from chain where manager_id is not null order by start_id, depth`,
      [...part],
    );
    for (const row of rows) chains.get(row.start_id)?.push(row.manager_id);
  }
  return chains;
}

/** Per-request batches of `managerChains`: one query for the employees of a batch. */
export function managerChainLoader(
  em: EntityManager,
  entity: string,
): DataLoader<string, string[]> {
  return new DataLoader(async (ids) => {
    const chains = await managerChains(em, entity, ids);
    return ids.map((id) => chains.get(id) ?? []);
  });
}
