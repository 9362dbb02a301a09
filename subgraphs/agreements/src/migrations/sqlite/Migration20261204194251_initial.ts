import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`agreements\` (\`id\` text not null, \`employee_id\` text not null, \`agreement_type\` text not null, \`start_date\` text not null, \`end_date\` text not null, \`fte_units\` integer not null, \`terms_and_conditions\` text not null, \`salary_basis\` text not null, \`weekly_hundredths\` integer not null, \`working_days\` json not null, \`leave_hundredths\` integer not null, \`targets\` json not null, \`openings\` json not null, \`version\` integer not null, \`effective_from\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`agreements_employee_start\` on \`agreements\` (\`employee_id\`, \`start_date\`);`);

    this.addSql(`create table \`agreement_versions\` (\`id\` text not null, \`agreement_id\` text not null, \`employee_id\` text not null, \`agreement_type\` text not null, \`start_date\` text not null, \`end_date\` text not null, \`fte_units\` integer not null, \`terms_and_conditions\` text not null, \`salary_basis\` text not null, \`weekly_hundredths\` integer not null, \`working_days\` json not null, \`leave_hundredths\` integer not null, \`targets\` json not null, \`openings\` json not null, \`version\` integer not null, \`effective_from\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`agreement_versions_agreement_id_index\` on \`agreement_versions\` (\`agreement_id\`);`);

    this.addSql(`create table \`agreement_imports\` (\`id\` text not null, \`status\` text not null, \`dry_run\` integer not null, \`rows_total\` integer not null, \`rows_done\` integer not null, \`report\` json null, \`failure\` text null, \`started_by\` text not null, \`started_at\` datetime not null, \`updated_at\` datetime not null, \`finished_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`agreement_imports_finished_at_index\` on \`agreement_imports\` (\`finished_at\`);`);

    this.addSql(`create table \`known_employees\` (\`id\` text not null, \`employee_number\` text not null, \`manager_id\` text null, \`terminated\` integer not null, \`version\` integer not null, \`manager_version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`known_employees_employee_number_index\` on \`known_employees\` (\`employee_number\`);`);
    this.addSql(`create index \`known_employees_manager_id_index\` on \`known_employees\` (\`manager_id\`);`);
  }
}
