import type { EntityManager } from '@mikro-orm/core';
import { sqlTable } from '../runtime';

/**
 * The rows PostgreSQL's planner believes `entity`'s table holds, as its last analyze left them:
 * below 1 before any (-1 on PostgreSQL 14 and later, 0 before). How a test sees whether, and
 * when, a table was analyzed.
 */
export async function plannerRows(em: EntityManager, entity: string): Promise<number> {
  const [row] = await em
    .getConnection()
    .execute<{ reltuples: number }[]>(
      `select reltuples from pg_class where oid = '${sqlTable(em, entity)}'::regclass`,
    );
  return Number(row!.reltuples);
}
