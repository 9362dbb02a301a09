import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../src/migrations/dropTables';

class MadeTwoTables extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table "a_rows" ("id" int);');
    this.addSql('create table "b_rows" ("id" int);');
  }

  override async down(): Promise<void> {
    dropTables(this, ['a_rows', 'b_rows']);
  }
}

it('drops each table in the order given, with whatever depends on it', async () => {
  // down() only collects its statements; nothing here reaches a database.
  const migration = new MadeTwoTables({} as never, {} as never);
  await migration.down();
  expect(migration.getQueries()).toEqual([
    'drop table if exists "a_rows" cascade;',
    'drop table if exists "b_rows" cascade;',
  ]);
});
