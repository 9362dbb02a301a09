import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "billing_accounts" ("id" varchar(36) not null, "kind" varchar(20) not null, "owner_key" varchar(200) not null, "currency" varchar(3) not null, "name" varchar(300) not null, "created_at" timestamptz not null, constraint "billing_accounts_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing_accounts" add constraint "billing_accounts_owner" unique ("kind", "owner_key", "currency");`);

    this.addSql(`create table "billing_closing_balances" ("id" varchar(80) not null, "date" varchar(10) not null, "account_id" varchar(36) not null, "balance_minor" bigint not null, "currency" varchar(3) not null, constraint "billing_closing_balances_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_closing_balances_date_index" on "billing_closing_balances" ("date");`);

    this.addSql(`create table "billing_day_closes" ("date" varchar(10) not null, "closed_at" timestamptz not null, "transaction_count" int not null, "late_transaction_count" int not null, "totals" jsonb not null, "job_id" varchar(200) null, constraint "billing_day_closes_pkey" primary key ("date"));`);

    this.addSql(`create table "billing_employees" ("id" varchar(36) not null, "employee_number" varchar(50) null, "grades" jsonb not null, "departments" jsonb not null, "location" varchar(30) not null, "time_zone" varchar(64) not null, "manager_id" varchar(36) null, "field_versions" jsonb not null, "version" int not null, constraint "billing_employees_pkey" primary key ("id"));`);

    this.addSql(`create table "billing_employee_grades" ("id" varchar(100) not null, "employee_id" varchar(36) not null, "grade" varchar(50) not null, constraint "billing_employee_grades_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_employee_grades_grade_index" on "billing_employee_grades" ("grade");`);

    this.addSql(`create table "billing_entries" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "period_type" varchar(30) not null, "start_time" timestamptz not null, "end_time" timestamptz null, "meal_break_minutes" int not null, "version" int not null, "deleted" boolean not null, constraint "billing_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_entries_employee_id_index" on "billing_entries" ("employee_id");`);

    this.addSql(`create table "billing_grades" ("code" varchar(50) not null, "description" varchar(500) null, "retired" boolean not null, "version" int not null, "created_at" timestamptz not null, "created_by" varchar(200) not null, "updated_at" timestamptz not null, constraint "billing_grades_pkey" primary key ("code"));`);

    this.addSql(`create table "billing_postings" ("id" varchar(36) not null, "transaction_id" varchar(36) not null, "account_id" varchar(36) not null, "amount_minor" bigint not null, "currency" varchar(3) not null, "booking_date" varchar(10) not null, constraint "billing_postings_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_postings_transaction_id_index" on "billing_postings" ("transaction_id");`);
    this.addSql(`create index "billing_postings_account_day" on "billing_postings" ("account_id", "booking_date");`);

    this.addSql(`create table "billing_rate_cards" ("id" varchar(36) not null, "grade" varchar(50) not null, "effective_from" varchar(10) not null, "base_hourly_rate_minor" int not null, "currency" varchar(3) not null, "overtime_multiplier" int not null, "night_multiplier" int not null, "public_holiday_multiplier" int not null, "set_at" timestamptz not null, "set_by" varchar(200) not null, "kind" varchar(20) null, "correction_reason" varchar(500) null, "reversed_count" int null, "posted_count" int null, "costed_waiting_count" int null, constraint "billing_rate_cards_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_rate_cards_grade_index" on "billing_rate_cards" ("grade");`);

    this.addSql(`create table "billing_transactions" ("id" varchar(36) not null, "kind" varchar(10) not null, "entry_id" varchar(36) not null, "employee_id" varchar(36) not null, "work_date" varchar(10) not null, "booking_date" varchar(10) not null, "late" boolean not null, "occurred_at" timestamptz not null, "source_event_id" varchar(36) null, "cause" varchar(100) not null, "reverses_id" varchar(36) null, "rate_card_id" varchar(36) null, "recorded_at" timestamptz not null, constraint "billing_transactions_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_transactions_entry_id_index" on "billing_transactions" ("entry_id");`);
    this.addSql(`create index "billing_transactions_booking_date_index" on "billing_transactions" ("booking_date");`);
    this.addSql(`alter table "billing_transactions" add constraint "billing_transactions_reverses_id_unique" unique ("reverses_id");`);
    this.addSql(`create index "billing_transactions_employee_day" on "billing_transactions" ("employee_id", "work_date");`);

    this.addSql(`create table "billing_uncosted_entries" ("entry_id" varchar(36) not null, "employee_id" varchar(36) not null, "period_type" varchar(30) not null, "start_time" timestamptz not null, "end_time" timestamptz not null, "first_day" varchar(10) not null, "reason" varchar(30) not null, "grade" varchar(50) null, "days" jsonb not null, "checked_at" timestamptz not null, constraint "billing_uncosted_entries_pkey" primary key ("entry_id"));`);
    this.addSql(`create index "billing_uncosted_entries_employee_id_index" on "billing_uncosted_entries" ("employee_id");`);
    this.addSql(`create index "billing_uncosted_day" on "billing_uncosted_entries" ("first_day", "entry_id");`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['billing_accounts', 'billing_closing_balances', 'billing_day_closes', 'billing_employees', 'billing_employee_grades', 'billing_entries', 'billing_grades', 'billing_postings', 'billing_rate_cards', 'billing_transactions', 'billing_uncosted_entries']);
  }
}
