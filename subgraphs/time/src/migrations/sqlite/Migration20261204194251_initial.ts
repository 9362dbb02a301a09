import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`time_employees\` (\`id\` text not null, \`status\` text not null, \`manager_id\` text null, \`time_zone\` text not null, \`version\` integer not null, \`write_lock\` integer not null default 0, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`time_employees_manager_id_index\` on \`time_employees\` (\`manager_id\`);`);

    this.addSql(`create table \`time_policy_copies\` (\`id\` text not null, \`kind\` text not null, \`key\` text not null, \`version\` integer not null, \`effective_from\` datetime not null, \`rules\` json not null, \`received_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`time_policy_copies_kind_key_effective_from_index\` on \`time_policy_copies\` (\`kind\`, \`key\`, \`effective_from\`);`);

    this.addSql(`create table \`scheduled_shifts\` (\`id\` text not null, \`employee_id\` text not null, \`schedule_id\` text not null, \`start_time\` datetime not null, \`end_time\` datetime not null, \`shift_type\` text null, \`published_at\` datetime not null, \`correlation_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`scheduled_shifts_schedule_id_index\` on \`scheduled_shifts\` (\`schedule_id\`);`);
    this.addSql(`create index \`scheduled_shifts_employee_start\` on \`scheduled_shifts\` (\`employee_id\`, \`start_time\`);`);

    this.addSql(`create table \`time_entries\` (\`id\` text not null, \`employee_id\` text not null, \`period_type\` text not null, \`shift_type\` text null, \`start_time\` datetime not null, \`end_time\` datetime null, \`meal_break_minutes\` integer not null, \`version\` integer not null default 1, \`correlation_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`time_entries_employee_start\` on \`time_entries\` (\`employee_id\`, \`start_time\`);`);
  }
}
