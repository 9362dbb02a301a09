import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "leave_agreements" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "start_date" varchar(10) not null, "end_date" varchar(10) not null, "fte_units" int not null, "annual_leave_hundredths" int null, "working_days" jsonb null, "version" int not null, constraint "leave_agreements_pkey" primary key ("id"));`);
    this.addSql(`create index "leave_agreements_employee_id_index" on "leave_agreements" ("employee_id");`);

    this.addSql(`create table "leave_employees" ("id" varchar(36) not null, "status" varchar(20) not null, "manager_id" varchar(36) null, "location" varchar(30) not null, "time_zone" varchar(64) not null, "hire_date" varchar(10) null, "termination_date" varchar(10) null, "version" int not null, "write_lock" int not null default 0, "updated_at" timestamptz not null, constraint "leave_employees_pkey" primary key ("id"));`);
    this.addSql(`create index "leave_employees_manager_id_index" on "leave_employees" ("manager_id");`);

    this.addSql(`create table "leave_policy_copies" ("id" varchar(80) not null, "kind" varchar(20) not null, "key" varchar(30) not null, "version" int not null, "effective_from" timestamptz not null, "rules" jsonb not null, "received_at" timestamptz not null, constraint "leave_policy_copies_pkey" primary key ("id"));`);
    this.addSql(`create index "leave_policy_copies_kind_key_effective_from_index" on "leave_policy_copies" ("kind", "key", "effective_from");`);

    this.addSql(`create table "leave_requests" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "leave_type" varchar(20) not null, "start_date" varchar(10) not null, "end_date" varchar(10) not null, "half_day_start" boolean not null, "half_day_end" boolean not null, "half_days" int not null, "charged_days" jsonb not null, "policy_version" int not null default 1, "status" varchar(20) not null, "reason" varchar(500) null, "requested_by" varchar(200) not null, "manager_id" varchar(36) null, "decision" varchar(20) null, "decided_by" varchar(200) null, "decided_at" timestamptz null, "rejection_reason" varchar(500) null, "cancelled_by" varchar(200) null, "cancelled_at" timestamptz null, "version" int not null default 1, "correlation_id" varchar(200) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "leave_requests_pkey" primary key ("id"));`);
    this.addSql(`create index "leave_requests_employee_start" on "leave_requests" ("employee_id", "start_date");`);
    this.addSql(`create index "leave_requests_status" on "leave_requests" ("status", "employee_id");`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['leave_agreements', 'leave_employees', 'leave_policy_copies', 'leave_requests']);
  }
}
