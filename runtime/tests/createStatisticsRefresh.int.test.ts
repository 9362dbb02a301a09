import type { EntityManager } from '@mikro-orm/knex';
import { createStatisticsRefresh, sqlTable, tableEntity } from '..';
import { plannerRows } from '../../test-support/plannerRows';
import { suiteHarness } from '../../test-support/suiteHarness';
import { openTestOrm } from '../../test-support/openTestOrm';
import { itOnPostgres, onPostgres } from '../../test-support/onPostgres';

/** A table of bare integer keys, counted by the planner's statistics. */
const rowTable = (name: string, tableName: string) =>
  tableEntity(name, tableName, (p) => ({ id: p.integer().primary() }));
const RowSchema = rowTable('StatRow', 'stat_rows');
const OtherSchema = rowTable('StatOther', 'stat_others');

describe('createStatisticsRefresh', () => {
  const db = suiteHarness(async () => {
    const opened = await openTestOrm('statistics_refresh', [RowSchema, OtherSchema]);
    return { ...opened, stop: () => opened.close() };
  });
  let next = 0;
  const add = async (em: EntityManager, count: number) => {
    const rows = Array.from({ length: count }, () => ({ id: ++next }));
    await em.insertMany(RowSchema, rows);
  };
  const believed = (em: EntityManager, entity = 'StatRow') => plannerRows(em, entity);

  itOnPostgres(
    'analyzes when the rows written have doubled since the last time, from the first mark',
    async () => {
      const em = db.orm.em.fork() as EntityManager;
      const refresh = createStatisticsRefresh(['StatRow'], 100);
      await add(em, 60);
      await refresh(em, 60);
      expect(await believed(em)).toBeLessThan(1); // never analyzed: -1 (PostgreSQL 14+) or 0
      await add(em, 60);
      await refresh(em, 120);
      expect(await believed(em)).toBe(120);
      await add(em, 100);
      await refresh(em, 220);
      expect(await believed(em)).toBe(120); // 220 < 240: not yet
      await add(em, 30);
      await refresh(em, 250);
      expect(await believed(em)).toBe(250);
    },
  );

  itOnPostgres(
    'after a restart beside analyzed tables, waits until they have doubled',
    async () => {
      const em = db.orm.em.fork() as EntityManager;
      await add(em, 200);
      await em.getConnection().execute(`analyze ${sqlTable(em, 'StatRow')}`);
      const total = await believed(em);
      const refresh = createStatisticsRefresh(['StatRow'], 100);
      await add(em, 150);
      await refresh(em, 150);
      expect(await believed(em)).toBe(total); // 150 written beside `total`: not doubled
      await add(em, total - 150);
      await refresh(em, total);
      expect(await believed(em)).toBe(2 * total);
    },
  );

  itOnPostgres('keeps a mark per table: a large one does not hold back a new one', async () => {
    const em = db.orm.em.fork() as EntityManager;
    const large = await believed(em); // analyzed by the tests above
    const refresh = createStatisticsRefresh(['StatRow', 'StatOther'], 100);
    const others = Array.from({ length: 100 }, (_, i) => ({ id: i + 1 }));
    await em.insertMany(OtherSchema, others);
    await add(em, 50);
    await refresh(em, 100);
    expect(await believed(em, 'StatOther')).toBe(100);
    expect(await believed(em)).toBe(large); // 50 rows more: far from doubled
  });

  (onPostgres ? it.skip : it)(
    'does nothing on SQLite, whose planner needs no statistics for these lookups',
    async () => {
      const em = db.orm.em.fork() as EntityManager;
      await add(em, 10);
      await createStatisticsRefresh(['StatRow'], 1)(em, 10);
      const stats = await em
        .getConnection()
        .execute<{ n: number }[]>(
          `select count(*) as n from sqlite_master where name = 'sqlite_stat1'`,
        );
      expect(Number(stats[0]!.n)).toBe(0);
    },
  );
});
