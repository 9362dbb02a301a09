import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "time_employees" ("id" varchar(36) not null, "status" varchar(20) not null, "manager_id" varchar(36) null, "time_zone" varchar(64) not null, "version" int not null, "write_lock" int not null default 0, "updated_at" timestamptz not null, constraint "time_employees_pkey" primary key ("id"));`);
    this.addSql(`create index "time_employees_manager_id_index" on "time_employees" ("manager_id");`);

    this.addSql(`create table "time_policy_copies" ("id" varchar(80) not null, "kind" varchar(20) not null, "key" varchar(30) not null, "version" int not null, "effective_from" timestamptz not null, "rules" jsonb not null, "received_at" timestamptz not null, constraint "time_policy_copies_pkey" primary key ("id"));`);
    this.addSql(`create index "time_policy_copies_kind_key_effective_from_index" on "time_policy_copies" ("kind", "key", "effective_from");`);

    this.addSql(`create table "scheduled_shifts" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "schedule_id" varchar(36) not null, "start_time" timestamptz not null, "end_time" timestamptz not null, "shift_type" varchar(50) null, "published_at" timestamptz not null, "correlation_id" varchar(200) not null, constraint "scheduled_shifts_pkey" primary key ("id"));`);
    this.addSql(`create index "scheduled_shifts_schedule_id_index" on "scheduled_shifts" ("schedule_id");`);
    this.addSql(`create index "scheduled_shifts_employee_start" on "scheduled_shifts" ("employee_id", "start_time");`);

    this.addSql(`create table "time_entries" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "period_type" varchar(30) not null, "shift_type" varchar(50) null, "start_time" timestamptz not null, "end_time" timestamptz null, "meal_break_minutes" int not null, "version" int not null default 1, "correlation_id" varchar(200) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, constraint "time_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "time_entries_employee_start" on "time_entries" ("employee_id", "start_time");`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['time_employees', 'time_policy_copies', 'scheduled_shifts', 'time_entries']);
  }
}
