import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "attendance_agreements" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "start_date" varchar(10) not null, "end_date" varchar(10) not null, "working_days" jsonb not null, "weekly_minutes" int null, "version" int not null, constraint "attendance_agreements_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_agreements_employee_id_index" on "attendance_agreements" ("employee_id");`);

    this.addSql(`create table "attendance_days" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "date" varchar(10) not null, "status" varchar(20) not null, "check_in_time" timestamptz null, "check_out_time" timestamptz null, "worked_minutes" int not null, "planned_minutes" int not null, "late_by_minutes" int not null, "early_exit_minutes" int not null, "overtime_minutes" int not null, "leave_request_id" varchar(200) null, "version" int not null, "processed_at" timestamptz not null, "correlation_id" varchar(200) not null, constraint "attendance_days_pkey" primary key ("id"));`);
    this.addSql(`alter table "attendance_days" add constraint "attendance_days_employee_date" unique ("employee_id", "date");`);

    this.addSql(`create table "attendance_employees" ("id" varchar(36) not null, "status" varchar(20) not null, "manager_id" varchar(36) null, "location" varchar(30) not null, "time_zone" varchar(64) not null, "hire_date" varchar(10) null, "termination_date" varchar(10) null, "version" int not null, "write_lock" int not null default 0, "updated_at" timestamptz not null, constraint "attendance_employees_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_employees_manager_id_index" on "attendance_employees" ("manager_id");`);

    this.addSql(`create table "attendance_entries" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "date" varchar(10) not null, "check_in_time" timestamptz not null, "check_in_location" varchar(200) null, "check_in_device" varchar(200) null, "check_out_time" timestamptz null, "check_out_location" varchar(200) null, "check_out_device" varchar(200) null, "source" varchar(10) not null, "reason" varchar(500) null, "recorded_by" varchar(200) not null, "corrects_id" varchar(36) null, "superseded_by_id" varchar(36) null, "planned_start" timestamptz null, "planned_end" timestamptz null, "late_by_minutes" int not null, "early_exit_minutes" int not null, "version" int not null default 1, "correlation_id" varchar(200) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "attendance_entries_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_entries_employee_date" on "attendance_entries" ("employee_id", "date");`);
    this.addSql(`create index "attendance_entries_employee_in" on "attendance_entries" ("employee_id", "check_in_time");`);

    this.addSql(`create table "attendance_leave" ("id" varchar(200) not null, "employee_id" varchar(36) not null, "leave_type" varchar(30) null, "start_date" varchar(10) not null, "end_date" varchar(10) not null, "start_half" boolean not null, "end_half" boolean not null, "dates" jsonb null, "status" varchar(20) not null, "version" int not null, constraint "attendance_leave_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_leave_employee_id_index" on "attendance_leave" ("employee_id");`);

    this.addSql(`create table "attendance_policy_copies" ("id" varchar(80) not null, "kind" varchar(20) not null, "key" varchar(30) not null, "version" int not null, "effective_from" timestamptz not null, "rules" jsonb not null, "received_at" timestamptz not null, constraint "attendance_policy_copies_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_policy_copies_kind_key_effective_from_index" on "attendance_policy_copies" ("kind", "key", "effective_from");`);

    this.addSql(`create table "attendance_shifts" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "schedule_id" varchar(36) null, "start_time" timestamptz null, "end_time" timestamptz null, "replaced" boolean not null, constraint "attendance_shifts_pkey" primary key ("id"));`);
    this.addSql(`create index "attendance_shifts_employee_start" on "attendance_shifts" ("employee_id", "start_time");`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['attendance_agreements', 'attendance_days', 'attendance_employees', 'attendance_entries', 'attendance_leave', 'attendance_policy_copies', 'attendance_shifts']);
  }
}
