import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`billing_accounts\` (\`id\` text not null, \`kind\` text not null, \`owner_key\` text not null, \`currency\` text not null, \`name\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`billing_accounts_owner\` on \`billing_accounts\` (\`kind\`, \`owner_key\`, \`currency\`);`);

    this.addSql(`create table \`billing_closing_balances\` (\`id\` text not null, \`date\` text not null, \`account_id\` text not null, \`balance_minor\` bigint not null, \`currency\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`billing_closing_balances_date_index\` on \`billing_closing_balances\` (\`date\`);`);

    this.addSql(`create table \`billing_day_closes\` (\`date\` text not null, \`closed_at\` datetime not null, \`transaction_count\` integer not null, \`late_transaction_count\` integer not null, \`totals\` json not null, \`job_id\` text null, primary key (\`date\`));`);

    this.addSql(`create table \`billing_employees\` (\`id\` text not null, \`employee_number\` text null, \`grades\` json not null, \`departments\` json not null, \`location\` text not null, \`time_zone\` text not null, \`manager_id\` text null, \`field_versions\` json not null, \`version\` integer not null, primary key (\`id\`));`);

    this.addSql(`create table \`billing_employee_grades\` (\`id\` text not null, \`employee_id\` text not null, \`grade\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`billing_employee_grades_grade_index\` on \`billing_employee_grades\` (\`grade\`);`);

    this.addSql(`create table \`billing_entries\` (\`id\` text not null, \`employee_id\` text not null, \`period_type\` text not null, \`start_time\` datetime not null, \`end_time\` datetime null, \`meal_break_minutes\` integer not null, \`version\` integer not null, \`deleted\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`billing_entries_employee_id_index\` on \`billing_entries\` (\`employee_id\`);`);

    this.addSql(`create table \`billing_grades\` (\`code\` text not null, \`description\` text null, \`retired\` integer not null, \`version\` integer not null, \`created_at\` datetime not null, \`created_by\` text not null, \`updated_at\` datetime not null, primary key (\`code\`));`);

    this.addSql(`create table \`billing_postings\` (\`id\` text not null, \`transaction_id\` text not null, \`account_id\` text not null, \`amount_minor\` bigint not null, \`currency\` text not null, \`booking_date\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`billing_postings_transaction_id_index\` on \`billing_postings\` (\`transaction_id\`);`);
    this.addSql(`create index \`billing_postings_account_day\` on \`billing_postings\` (\`account_id\`, \`booking_date\`);`);

    this.addSql(`create table \`billing_rate_cards\` (\`id\` text not null, \`grade\` text not null, \`effective_from\` text not null, \`base_hourly_rate_minor\` integer not null, \`currency\` text not null, \`overtime_multiplier\` integer not null, \`night_multiplier\` integer not null, \`public_holiday_multiplier\` integer not null, \`set_at\` datetime not null, \`set_by\` text not null, \`kind\` text null, \`correction_reason\` text null, \`reversed_count\` integer null, \`posted_count\` integer null, \`costed_waiting_count\` integer null, primary key (\`id\`));`);
    this.addSql(`create index \`billing_rate_cards_grade_index\` on \`billing_rate_cards\` (\`grade\`);`);

    this.addSql(`create table \`billing_transactions\` (\`id\` text not null, \`kind\` text not null, \`entry_id\` text not null, \`employee_id\` text not null, \`work_date\` text not null, \`booking_date\` text not null, \`late\` integer not null, \`occurred_at\` datetime not null, \`source_event_id\` text null, \`cause\` text not null, \`reverses_id\` text null, \`rate_card_id\` text null, \`recorded_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`billing_transactions_entry_id_index\` on \`billing_transactions\` (\`entry_id\`);`);
    this.addSql(`create index \`billing_transactions_booking_date_index\` on \`billing_transactions\` (\`booking_date\`);`);
    this.addSql(`create unique index \`billing_transactions_reverses_id_unique\` on \`billing_transactions\` (\`reverses_id\`);`);
    this.addSql(`create index \`billing_transactions_employee_day\` on \`billing_transactions\` (\`employee_id\`, \`work_date\`);`);

    this.addSql(`create table \`billing_uncosted_entries\` (\`entry_id\` text not null, \`employee_id\` text not null, \`period_type\` text not null, \`start_time\` datetime not null, \`end_time\` datetime not null, \`first_day\` text not null, \`reason\` text not null, \`grade\` text null, \`days\` json not null, \`checked_at\` datetime not null, primary key (\`entry_id\`));`);
    this.addSql(`create index \`billing_uncosted_entries_employee_id_index\` on \`billing_uncosted_entries\` (\`employee_id\`);`);
    this.addSql(`create index \`billing_uncosted_day\` on \`billing_uncosted_entries\` (\`first_day\`, \`entry_id\`);`);
  }
}
