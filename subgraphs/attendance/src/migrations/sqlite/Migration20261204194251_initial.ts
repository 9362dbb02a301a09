import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`attendance_agreements\` (\`id\` text not null, \`employee_id\` text not null, \`start_date\` text not null, \`end_date\` text not null, \`working_days\` json not null, \`weekly_minutes\` integer null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`attendance_agreements_employee_id_index\` on \`attendance_agreements\` (\`employee_id\`);`);

    this.addSql(`create table \`attendance_days\` (\`id\` text not null, \`employee_id\` text not null, \`date\` text not null, \`status\` text not null, \`check_in_time\` datetime null, \`check_out_time\` datetime null, \`worked_minutes\` integer not null, \`planned_minutes\` integer not null, \`late_by_minutes\` integer not null, \`early_exit_minutes\` integer not null, \`overtime_minutes\` integer not null, \`leave_request_id\` text null, \`version\` integer not null, \`processed_at\` datetime not null, \`correlation_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`attendance_days_employee_date\` on \`attendance_days\` (\`employee_id\`, \`date\`);`);

    this.addSql(`create table \`attendance_employees\` (\`id\` text not null, \`status\` text not null, \`manager_id\` text null, \`location\` text not null, \`time_zone\` text not null, \`hire_date\` text null, \`termination_date\` text null, \`version\` integer not null, \`write_lock\` integer not null default 0, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`attendance_employees_manager_id_index\` on \`attendance_employees\` (\`manager_id\`);`);

    this.addSql(`create table \`attendance_entries\` (\`id\` text not null, \`employee_id\` text not null, \`date\` text not null, \`check_in_time\` datetime not null, \`check_in_location\` text null, \`check_in_device\` text null, \`check_out_time\` datetime null, \`check_out_location\` text null, \`check_out_device\` text null, \`source\` text not null, \`reason\` text null, \`recorded_by\` text not null, \`corrects_id\` text null, \`superseded_by_id\` text null, \`planned_start\` datetime null, \`planned_end\` datetime null, \`late_by_minutes\` integer not null, \`early_exit_minutes\` integer not null, \`version\` integer not null default 1, \`correlation_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`attendance_entries_employee_date\` on \`attendance_entries\` (\`employee_id\`, \`date\`);`);
    this.addSql(`create index \`attendance_entries_employee_in\` on \`attendance_entries\` (\`employee_id\`, \`check_in_time\`);`);

    this.addSql(`create table \`attendance_leave\` (\`id\` text not null, \`employee_id\` text not null, \`leave_type\` text null, \`start_date\` text not null, \`end_date\` text not null, \`start_half\` integer not null, \`end_half\` integer not null, \`dates\` json null, \`status\` text not null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`attendance_leave_employee_id_index\` on \`attendance_leave\` (\`employee_id\`);`);

    this.addSql(`create table \`attendance_policy_copies\` (\`id\` text not null, \`kind\` text not null, \`key\` text not null, \`version\` integer not null, \`effective_from\` datetime not null, \`rules\` json not null, \`received_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`attendance_policy_copies_kind_key_effective_from_index\` on \`attendance_policy_copies\` (\`kind\`, \`key\`, \`effective_from\`);`);

    this.addSql(`create table \`attendance_shifts\` (\`id\` text not null, \`employee_id\` text not null, \`schedule_id\` text null, \`start_time\` datetime null, \`end_time\` datetime null, \`replaced\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`attendance_shifts_employee_start\` on \`attendance_shifts\` (\`employee_id\`, \`start_time\`);`);
  }
}
