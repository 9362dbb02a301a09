import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "employees" ("id" varchar(36) not null, "employee_number" varchar(20) not null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "email" varchar(254) not null, "email_key" varchar(254) not null, "phone_sealed" text null, "department" varchar(100) not null, "job_title" varchar(100) not null, "grade" varchar(20) not null, "employment_type" varchar(20) not null, "status" varchar(20) not null, "hire_date" date not null, "termination_date" date null, "manager_id" varchar(36) null, "location" varchar(20) not null, "time_zone" varchar(64) not null, "salary_sealed" text null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "employees_pkey" primary key ("id"));`);
    this.addSql(`alter table "employees" add constraint "employees_employee_number_unique" unique ("employee_number");`);
    this.addSql(`alter table "employees" add constraint "employees_email_key_unique" unique ("email_key");`);
    this.addSql(`create index "employees_department_index" on "employees" ("department");`);
    this.addSql(`create index "employees_status_index" on "employees" ("status");`);
    this.addSql(`create index "employees_manager_id_index" on "employees" ("manager_id");`);
    this.addSql(`create index "employees_name_order" on "employees" ("last_name", "first_name", "id");`);

    this.addSql(`create table "employee_counters" ("name" varchar(40) not null, "last_number" int not null, constraint "employee_counters_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['employees', 'employee_counters']);
  }
}
