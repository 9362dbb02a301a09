import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "agreements" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "agreement_type" varchar(20) not null, "start_date" varchar(10) not null, "end_date" varchar(10) not null, "fte_units" int not null, "terms_and_conditions" varchar(20) not null, "salary_basis" varchar(20) not null, "weekly_hundredths" int not null, "working_days" jsonb not null, "leave_hundredths" int not null, "targets" jsonb not null, "openings" jsonb not null, "version" int not null, "effective_from" varchar(10) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "agreements_pkey" primary key ("id"));`);
    this.addSql(`create index "agreements_employee_start" on "agreements" ("employee_id", "start_date");`);

    this.addSql(`create table "agreement_versions" ("id" varchar(50) not null, "agreement_id" varchar(36) not null, "employee_id" varchar(36) not null, "agreement_type" varchar(20) not null, "start_date" varchar(10) not null, "end_date" varchar(10) not null, "fte_units" int not null, "terms_and_conditions" varchar(20) not null, "salary_basis" varchar(20) not null, "weekly_hundredths" int not null, "working_days" jsonb not null, "leave_hundredths" int not null, "targets" jsonb not null, "openings" jsonb not null, "version" int not null, "effective_from" varchar(10) not null, "created_at" timestamptz not null, constraint "agreement_versions_pkey" primary key ("id"));`);
    this.addSql(`create index "agreement_versions_agreement_id_index" on "agreement_versions" ("agreement_id");`);

    this.addSql(`create table "agreement_imports" ("id" varchar(36) not null, "status" varchar(10) not null, "dry_run" boolean not null, "rows_total" int not null, "rows_done" int not null, "report" jsonb null, "failure" text null, "started_by" varchar(200) not null, "started_at" timestamptz not null, "updated_at" timestamptz not null, "finished_at" timestamptz null, constraint "agreement_imports_pkey" primary key ("id"));`);
    this.addSql(`create index "agreement_imports_finished_at_index" on "agreement_imports" ("finished_at");`);

    this.addSql(`create table "known_employees" ("id" varchar(36) not null, "employee_number" varchar(50) not null, "manager_id" varchar(36) null, "terminated" boolean not null, "version" int not null, "manager_version" int not null, constraint "known_employees_pkey" primary key ("id"));`);
    this.addSql(`create index "known_employees_employee_number_index" on "known_employees" ("employee_number");`);
    this.addSql(`create index "known_employees_manager_id_index" on "known_employees" ("manager_id");`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['agreements', 'agreement_versions', 'agreement_imports', 'known_employees']);
  }
}
