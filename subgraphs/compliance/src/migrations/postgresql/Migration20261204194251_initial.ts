import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "compliance_employees" ("id" varchar(36) not null, "status" varchar(20) not null, "manager_id" varchar(36) null, "location" varchar(30) not null, "time_zone" varchar(64) not null, "hire_date" varchar(10) null, "termination_date" varchar(10) null, "department" varchar(100) null, "version" int not null, "write_lock" int not null default 0, "updated_at" timestamptz not null, constraint "compliance_employees_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_employees_manager_id_index" on "compliance_employees" ("manager_id");`);
    this.addSql(`create index "compliance_employees_department_index" on "compliance_employees" ("department");`);

    this.addSql(`create table "compliance_late_arrivals" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "date" varchar(10) not null, "day_id" varchar(36) not null, "late_by_minutes" int not null, "source_event_id" varchar(100) not null, "received_at" timestamptz not null, constraint "compliance_late_arrivals_pkey" primary key ("id"));`);
    this.addSql(`alter table "compliance_late_arrivals" add constraint "compliance_late_arrivals_day" unique ("employee_id", "date");`);

    this.addSql(`create table "compliance_policy_versions" ("id" varchar(36) not null, "kind" varchar(20) not null, "key" varchar(30) not null, "version" int not null, "effective_from" timestamptz not null, "rules" jsonb not null, "changed_by" varchar(255) not null, "reason" varchar(500) null, "created_at" timestamptz not null, constraint "compliance_policy_versions_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_policy_versions_kind_key_effective_from_index" on "compliance_policy_versions" ("kind", "key", "effective_from");`);
    this.addSql(`alter table "compliance_policy_versions" add constraint "compliance_policy_versions_kind_key_version_unique" unique ("kind", "key", "version");`);

    this.addSql(`create table "compliance_violations" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "rule" varchar(30) not null, "message" text not null, "from_date" varchar(10) not null, "to_date" varchar(10) not null, "policy_kind" varchar(20) null, "policy_key" varchar(30) null, "policy_version" int null, "source" varchar(100) not null, "source_event_id" varchar(100) not null, "details" jsonb not null, "detected_at" timestamptz not null, "status" varchar(10) not null, "closed_at" timestamptz null, "closed_by" varchar(200) null, "closing_note" text null, "version" int not null, constraint "compliance_violations_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_violations_newest" on "compliance_violations" ("detected_at", "id");`);
    this.addSql(`create index "compliance_violations_employee" on "compliance_violations" ("employee_id", "rule", "from_date");`);
    this.addSql(`alter table "compliance_violations" add constraint "compliance_violations_source" unique ("source_event_id", "rule");`);

    this.addSql(`create table "compliance_training_assignments" ("id" varchar(36) not null, "employee_id" varchar(36) not null, "course_id" varchar(36) not null, "department" varchar(100) null, "due_date" varchar(10) not null, "completed_on" varchar(10) null, "expires_on" varchar(10) null, "version" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "compliance_training_assignments_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_training_assignments_course_id_index" on "compliance_training_assignments" ("course_id");`);
    this.addSql(`create index "compliance_training_assignments_due_date_id_index" on "compliance_training_assignments" ("due_date", "id");`);
    this.addSql(`create index "compliance_training_assignments_expires_on_index" on "compliance_training_assignments" ("expires_on");`);
    this.addSql(`alter table "compliance_training_assignments" add constraint "compliance_training_assignments_employee_id_course_id_unique" unique ("employee_id", "course_id");`);

    this.addSql(`create table "compliance_training_courses" ("id" varchar(36) not null, "code" varchar(50) not null, "title" varchar(200) not null, "description" text null, "validity_months" int null, "retired" boolean not null default false, "version" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "compliance_training_courses_pkey" primary key ("id"));`);
    this.addSql(`alter table "compliance_training_courses" add constraint "compliance_training_courses_code_unique" unique ("code");`);

    this.addSql(`create table "compliance_training_department_rules" ("id" varchar(36) not null, "course_id" varchar(36) not null, "department" varchar(100) not null, "due_date" varchar(10) not null, "lead_days" int not null, "created_at" timestamptz not null, "created_by" varchar(200) not null, constraint "compliance_training_department_rules_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_training_department_rules_department_index" on "compliance_training_department_rules" ("department");`);
    this.addSql(`alter table "compliance_training_department_rules" add constraint "compliance_training_department_rules_course_id_de_6fa5d_unique" unique ("course_id", "department");`);

    this.addSql(`create table "compliance_training_reminders" ("assignment_id" varchar(36) not null, "deadline" varchar(10) not null, "status" varchar(10) not null, "raised_at" timestamptz not null, constraint "compliance_training_reminders_pkey" primary key ("assignment_id", "deadline"));`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['compliance_employees', 'compliance_late_arrivals', 'compliance_policy_versions', 'compliance_violations', 'compliance_training_assignments', 'compliance_training_courses', 'compliance_training_department_rules', 'compliance_training_reminders']);
  }
}
