import type { EntityManager } from '@mikro-orm/knex';

/*
 * The ledger's database guards (no change to what is booked, balanced transactions, no
 * booking on a closed day) are made by billing's migrations, `migrations/<engine>/
 * *_ledgerGuards.ts`, so no code path (nor a person with SQL) gets past them. What is left
 * here names the ledger's tables for the raw SQL the write paths use.
 */

/** The PostgreSQL schema the subgraph's tables live in, or null on SQLite. */
export function postgresSchema(em: EntityManager): string | null {
  const platform = em.getPlatform().constructor.name;
  if (!platform.toLowerCase().includes('postgre')) return null;
  return (em.config.get('schema') as string | undefined) ?? 'public';
}

/** A table's name as raw SQL must write it (schema-qualified on PostgreSQL). */
export function table(em: EntityManager, name: string): string {
  const schema = postgresSchema(em);
  return schema ? `"${schema}".${name}` : name;
}
