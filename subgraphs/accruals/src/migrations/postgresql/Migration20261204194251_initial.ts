import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "accruals_balance_statuses" ("id" varchar(80) not null, "employee_id" varchar(36) not null, "agreement_id" varchar(36) not null, "accrual_type" varchar(30) not null, "status" varchar(20) not null, "date" varchar(10) not null, "version" int not null, constraint "accruals_balance_statuses_pkey" primary key ("id"));`);
    this.addSql(`create index "accruals_balance_statuses_employee_id_index" on "accruals_balance_statuses" ("employee_id");`);

    this.addSql(`create table "accruals_balance_versions" ("id" varchar(80) not null, "version" int not null, constraint "accruals_balance_versions_pkey" primary key ("id"));`);

    this.addSql(`create table "accruals_contributions" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "agreement_id" varchar(36) null, "entry_id" varchar(36) not null, "accrual_type" varchar(30) not null, "date" varchar(10) not null, "amount" int not null, constraint "accruals_contributions_pkey" primary key ("id"));`);
    this.addSql(`create index "accruals_contributions_employee_id_index" on "accruals_contributions" ("employee_id");`);
    this.addSql(`create index "accruals_contributions_agreement_id_index" on "accruals_contributions" ("agreement_id");`);
    this.addSql(`create index "accruals_contributions_entry_id_index" on "accruals_contributions" ("entry_id");`);

    this.addSql(`create table "accruals_days" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "agreement_id" varchar(36) not null, "accrual_type" varchar(30) not null, "date" varchar(10) not null, "day_total" int not null, "cumulative_total" int not null, constraint "accruals_days_pkey" primary key ("id"));`);
    this.addSql(`create index "accruals_days_agreement_type_date" on "accruals_days" ("agreement_id", "accrual_type", "date");`);

    this.addSql(`create table "accruals_agreements" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "start_date" varchar(10) not null, "end_date" varchar(10) not null, "targets" jsonb not null, "opening_balances" jsonb not null, "version" int not null, constraint "accruals_agreements_pkey" primary key ("id"));`);
    this.addSql(`create index "accruals_agreements_employee_id_index" on "accruals_agreements" ("employee_id");`);

    this.addSql(`create table "accruals_correlations" ("correlation_id" varchar(200) not null, "event_type" varchar(100) not null, "applied_at" timestamptz not null, constraint "accruals_correlations_pkey" primary key ("correlation_id"));`);

    this.addSql(`create table "accruals_employees" ("id" varchar(36) not null, "location" varchar(30) not null, "time_zone" varchar(64) not null, "manager_id" varchar(36) null, "version" int not null, constraint "accruals_employees_pkey" primary key ("id"));`);

    this.addSql(`create table "accruals_entries" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "period_type" varchar(30) not null, "start_time" timestamptz not null, "end_time" timestamptz null, "meal_break_minutes" int not null, "version" int not null, "deleted" boolean not null, constraint "accruals_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "accruals_entries_employee_id_index" on "accruals_entries" ("employee_id");`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['accruals_balance_statuses', 'accruals_balance_versions', 'accruals_contributions', 'accruals_days', 'accruals_agreements', 'accruals_correlations', 'accruals_employees', 'accruals_entries']);
  }
}
