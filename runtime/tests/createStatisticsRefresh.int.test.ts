import { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { createStatisticsRefresh, sqlTable } from '..';
import { suiteHarness } from '../../test-support/suiteHarness';
import { openTestOrm } from '../../test-support/openTestOrm';
import { itOnPostgres, onPostgres } from '../../test-support/onPostgres';

interface Row {
  id: number;
}
const RowSchema = new EntitySchema<Row>({
  name: 'StatRow',
  tableName: 'stat_rows',
  properties: { id: { type: 'integer', primary: true } },
});

describe('createStatisticsRefresh', () => {
  const db = suiteHarness(async () => {
    const opened = await openTestOrm('statistics_refresh', [RowSchema]);
    return { ...opened, stop: () => opened.close() };
  });
  let next = 0;
  const add = async (em: EntityManager, count: number) => {
    const rows = Array.from({ length: count }, () => ({ id: ++next }));
    await em.insertMany(RowSchema, rows);
  };
  /** The row count the planner believes, as the last analyze left it (PostgreSQL). */
  const believed = async (em: EntityManager) => {
    const [row] = await em
      .getConnection()
      .execute<{ reltuples: number }[]>(
        `select reltuples from pg_class where oid = '${sqlTable(em, 'StatRow')}'::regclass`,
      );
    return Number(row!.reltuples);
  };

  itOnPostgres(
    'analyzes when the rows written have doubled since the last time, from the first mark',
    async () => {
      const em = db.orm.em.fork() as EntityManager;
      const refresh = createStatisticsRefresh(em, ['StatRow'], 100);
      await add(em, 60);
      await refresh(60);
      expect(await believed(em)).toBeLessThan(1); // never analyzed: -1 (PostgreSQL 14+) or 0
      await add(em, 60);
      await refresh(120);
      expect(await believed(em)).toBe(120);
      await add(em, 100);
      await refresh(220);
      expect(await believed(em)).toBe(120); // 220 < 240: not yet
      await add(em, 30);
      await refresh(250);
      expect(await believed(em)).toBe(250);
    },
  );

  (onPostgres ? it.skip : it)(
    'does nothing on SQLite, whose planner needs no statistics for these lookups',
    async () => {
      const em = db.orm.em.fork() as EntityManager;
      await add(em, 10);
      await createStatisticsRefresh(em, ['StatRow'], 1)(10);
      const stats = await em
        .getConnection()
        .execute<{ n: number }[]>(
          `select count(*) as n from sqlite_master where name = 'sqlite_stat1'`,
        );
      expect(Number(stats[0]!.n)).toBe(0);
    },
  );
});
