import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { queryBound, quotedTable } from '../../../messaging';
import { columnOf, statementOf } from '../findRows';
import type { PolicyCopy } from './policyCopySchema';
import type { AnyRules, PolicyKind } from './policyRules';

/** What a stored version says: its number, from when it holds, and its rules. */
export interface StoredVersion {
  version: number;
  effectiveFrom: Date;
  rules: AnyRules;
}

interface VersionRow {
  version: number | string;
  effective_from: number | Date;
  rules: string | AnyRules;
}

/**
 * The newest version of `kind`/`key` in `schema`'s table whose `effectiveFrom` is not after
 * `at` (the higher number where two start together), or null. One bound statement: every
 * write that a policy judges reads it, and MikroORM's `findOne` cost several times more to
 * build than the read costs to run. While `em` holds changes of the table, it goes through
 * `findOne`, which flushes them first.
 */
export async function readVersionInForce(
  em: EntityManager,
  schema: EntitySchema<PolicyCopy>,
  kind: PolicyKind,
  key: string,
  at: Date,
): Promise<StoredVersion | null> {
  const meta = em.getMetadata().get(schema.meta.className);
  if (em.getUnitOfWork().shouldAutoFlush(meta))
    return findThroughOrm(em, schema, { kind, key, at });
  const sql = statementOf(em, `versionInForce:${schema.meta.className}`, () =>
    versionSql(em, schema),
  );
  const when = em.getPlatform().processDateProperty(at);
  const [row] = await queryBound<VersionRow>(em, sql, [kind, key, when]);
  return row ? storedVersion(row) : null;
}

function versionSql(em: EntityManager, schema: EntitySchema<PolicyCopy>): string {
  const column = (property: keyof PolicyCopy & string) =>
    columnOf(em, schema.meta.className, property);
  const [version, from] = [column('version'), column('effectiveFrom')];
  return (
    `select ${version} as version, ${from} as effective_from, ${column('rules')} as rules` +
    ` from ${quotedTable(em, schema)}` +
    ` where ${column('kind')} = ? and ${column('key')} = ? and ${from} <= ?` +
    ` order by ${from} desc, ${version} desc limit 1`
  );
}

/**
 * The row as MikroORM would read it: SQLite keeps an instant as its milliseconds and JSON as
 * text; PostgreSQL's driver hands back a Date and parsed JSON.
 */
const storedVersion = (row: VersionRow): StoredVersion => ({
  version: Number(row.version),
  effectiveFrom: new Date(row.effective_from),
  rules: typeof row.rules === 'string' ? (JSON.parse(row.rules) as AnyRules) : row.rules,
});

/** The same read through `findOne`, which flushes the manager's pending changes first. */
async function findThroughOrm(
  em: EntityManager,
  schema: EntitySchema<PolicyCopy>,
  where: { kind: PolicyKind; key: string; at: Date },
): Promise<StoredVersion | null> {
  const { kind, key, at } = where;
  const copy = await em.findOne(
    schema,
    { kind, key, effectiveFrom: { $lte: at } },
    { orderBy: { effectiveFrom: 'desc', version: 'desc' } },
  );
  return copy && { version: copy.version, effectiveFrom: copy.effectiveFrom, rules: copy.rules };
}
