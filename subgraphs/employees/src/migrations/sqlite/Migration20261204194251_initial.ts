import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`employees\` (\`id\` text not null, \`employee_number\` text not null, \`first_name\` text not null, \`last_name\` text not null, \`email\` text not null, \`email_key\` text not null, \`phone_sealed\` text null, \`department\` text not null, \`job_title\` text not null, \`grade\` text not null, \`employment_type\` text not null, \`status\` text not null, \`hire_date\` date not null, \`termination_date\` date null, \`manager_id\` text null, \`location\` text not null, \`time_zone\` text not null, \`salary_sealed\` text null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`employees_employee_number_unique\` on \`employees\` (\`employee_number\`);`);
    this.addSql(`create unique index \`employees_email_key_unique\` on \`employees\` (\`email_key\`);`);
    this.addSql(`create index \`employees_department_index\` on \`employees\` (\`department\`);`);
    this.addSql(`create index \`employees_status_index\` on \`employees\` (\`status\`);`);
    this.addSql(`create index \`employees_manager_id_index\` on \`employees\` (\`manager_id\`);`);
    this.addSql(`create index \`employees_name_order\` on \`employees\` (\`last_name\`, \`first_name\`, \`id\`);`);

    this.addSql(`create table \`employee_counters\` (\`name\` text not null, \`last_number\` integer not null, primary key (\`name\`));`);
  }
}
