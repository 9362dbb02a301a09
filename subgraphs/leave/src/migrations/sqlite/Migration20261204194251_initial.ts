import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`leave_agreements\` (\`id\` text not null, \`employee_id\` text not null, \`start_date\` text not null, \`end_date\` text not null, \`fte_units\` integer not null, \`annual_leave_hundredths\` integer null, \`working_days\` json null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`leave_agreements_employee_id_index\` on \`leave_agreements\` (\`employee_id\`);`);

    this.addSql(`create table \`leave_employees\` (\`id\` text not null, \`status\` text not null, \`manager_id\` text null, \`location\` text not null, \`time_zone\` text not null, \`hire_date\` text null, \`termination_date\` text null, \`version\` integer not null, \`write_lock\` integer not null default 0, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`leave_employees_manager_id_index\` on \`leave_employees\` (\`manager_id\`);`);

    this.addSql(`create table \`leave_policy_copies\` (\`id\` text not null, \`kind\` text not null, \`key\` text not null, \`version\` integer not null, \`effective_from\` datetime not null, \`rules\` json not null, \`received_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`leave_policy_copies_kind_key_effective_from_index\` on \`leave_policy_copies\` (\`kind\`, \`key\`, \`effective_from\`);`);

    this.addSql(`create table \`leave_requests\` (\`id\` text not null, \`employee_id\` text not null, \`leave_type\` text not null, \`start_date\` text not null, \`end_date\` text not null, \`half_day_start\` integer not null, \`half_day_end\` integer not null, \`half_days\` integer not null, \`charged_days\` json not null, \`policy_version\` integer not null default 1, \`status\` text not null, \`reason\` text null, \`requested_by\` text not null, \`manager_id\` text null, \`decision\` text null, \`decided_by\` text null, \`decided_at\` datetime null, \`rejection_reason\` text null, \`cancelled_by\` text null, \`cancelled_at\` datetime null, \`version\` integer not null default 1, \`correlation_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`leave_requests_employee_start\` on \`leave_requests\` (\`employee_id\`, \`start_date\`);`);
    this.addSql(`create index \`leave_requests_status\` on \`leave_requests\` (\`status\`, \`employee_id\`);`);
  }
}
