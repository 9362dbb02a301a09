import type { MikroORM } from '@mikro-orm/core';
import { isPostgres, openDatabase } from '../../../runtime';
import { InboxEntry, OutboxEntry } from '../../../messaging';
import type { TestDatabase } from '../../../test-support/database';
import { ormPerTest } from '../../../test-support/ormPerTest';
import { auditEntities } from '../src/entities';

const AUDIT_TABLES = [...auditEntities, OutboxEntry, InboxEntry];

/** The audit tables (and the outbox) on the suite's database, without the runtime. */
export const openAuditDatabase = (db: TestDatabase, name = 'audit'): Promise<MikroORM> =>
  openDatabase({ target: db.target(name), entities: AUDIT_TABLES });

/** The audit table's name for raw SQL on either engine. */
export const auditTable = (orm: MikroORM, schema = 'audit'): string =>
  isPostgres(orm) ? `"${schema}"."audit_log"` : 'audit_log';

/** Runs raw SQL, as someone with database access and no business going through the API would. */
export const rawSql = (orm: MikroORM, sql: string, params: unknown[] = []) =>
  orm.em.getConnection().execute(sql, params as never[], 'run');

/** A fresh database with the audit tables for each test of the suite, dropped after it. */
export const useAuditDatabase = (): { readonly db: TestDatabase; readonly orm: MikroORM } =>
  ormPerTest('audit', AUDIT_TABLES);
