import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`accruals_balance_statuses\` (\`id\` text not null, \`employee_id\` text not null, \`agreement_id\` text not null, \`accrual_type\` text not null, \`status\` text not null, \`date\` text not null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`accruals_balance_statuses_employee_id_index\` on \`accruals_balance_statuses\` (\`employee_id\`);`);

    this.addSql(`create table \`accruals_balance_versions\` (\`id\` text not null, \`version\` integer not null, primary key (\`id\`));`);

    this.addSql(`create table \`accruals_contributions\` (\`id\` text not null, \`employee_id\` text not null, \`agreement_id\` text null, \`entry_id\` text not null, \`accrual_type\` text not null, \`date\` text not null, \`amount\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`accruals_contributions_employee_id_index\` on \`accruals_contributions\` (\`employee_id\`);`);
    this.addSql(`create index \`accruals_contributions_agreement_id_index\` on \`accruals_contributions\` (\`agreement_id\`);`);
    this.addSql(`create index \`accruals_contributions_entry_id_index\` on \`accruals_contributions\` (\`entry_id\`);`);

    this.addSql(`create table \`accruals_days\` (\`id\` text not null, \`employee_id\` text not null, \`agreement_id\` text not null, \`accrual_type\` text not null, \`date\` text not null, \`day_total\` integer not null, \`cumulative_total\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`accruals_days_agreement_type_date\` on \`accruals_days\` (\`agreement_id\`, \`accrual_type\`, \`date\`);`);

    this.addSql(`create table \`accruals_agreements\` (\`id\` text not null, \`employee_id\` text not null, \`start_date\` text not null, \`end_date\` text not null, \`targets\` json not null, \`opening_balances\` json not null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`accruals_agreements_employee_id_index\` on \`accruals_agreements\` (\`employee_id\`);`);

    this.addSql(`create table \`accruals_correlations\` (\`correlation_id\` text not null, \`event_type\` text not null, \`applied_at\` datetime not null, primary key (\`correlation_id\`));`);

    this.addSql(`create table \`accruals_employees\` (\`id\` text not null, \`location\` text not null, \`time_zone\` text not null, \`manager_id\` text null, \`version\` integer not null, primary key (\`id\`));`);

    this.addSql(`create table \`accruals_entries\` (\`id\` text not null, \`employee_id\` text not null, \`period_type\` text not null, \`start_time\` datetime not null, \`end_time\` datetime null, \`meal_break_minutes\` integer not null, \`version\` integer not null, \`deleted\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`accruals_entries_employee_id_index\` on \`accruals_entries\` (\`employee_id\`);`);
  }
}
