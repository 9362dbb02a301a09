import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`accounts\` (\`id\` text not null, \`email\` text not null, \`password_hash\` text null, \`employee_id\` text null, \`explicit_role\` text null, \`failed_attempts\` integer not null default 0, \`locked_until\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`accounts_email_unique\` on \`accounts\` (\`email\`);`);
    this.addSql(`create unique index \`accounts_employee_id_unique\` on \`accounts\` (\`employee_id\`);`);

    this.addSql(`create table \`account_employees\` (\`id\` text not null, \`first_name\` text null, \`last_name\` text null, \`email\` text null, \`manager_id\` text null, \`status\` text not null, \`version\` integer not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`account_employees_manager_id_index\` on \`account_employees\` (\`manager_id\`);`);

    this.addSql(`create table \`account_mail_outbox\` (\`id\` text not null, \`to_address\` text not null, \`subject\` text not null, \`text\` text not null, \`status\` text not null, \`attempts\` integer not null, \`next_attempt_at\` datetime not null, \`last_error\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`account_mail_due\` on \`account_mail_outbox\` (\`status\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`account_refresh_tokens\` (\`hash\` text not null, \`session_id\` text not null, \`created_at\` datetime not null, \`used_at\` datetime null, primary key (\`hash\`));`);
    this.addSql(`create index \`account_refresh_tokens_session_id_index\` on \`account_refresh_tokens\` (\`session_id\`);`);

    this.addSql(`create table \`account_sessions\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, \`revoked_because\` text null, \`provider_role\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`account_sessions_account_id_index\` on \`account_sessions\` (\`account_id\`);`);

    this.addSql(`create table \`account_tickets\` (\`id\` text not null, \`kind\` text not null, \`token_hash\` text not null, \`sealed_token\` text null, \`account_id\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`used_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`account_tickets_token_hash_unique\` on \`account_tickets\` (\`token_hash\`);`);
    this.addSql(`create index \`account_tickets_account_id_index\` on \`account_tickets\` (\`account_id\`);`);

    this.addSql(`create table \`partner_clients\` (\`id\` text not null, \`name\` text not null, \`secret_hash\` text not null, \`scopes\` json not null, \`quota_requests\` integer null, \`quota_cost\` integer null, \`created_at\` datetime not null, \`created_by\` text not null, \`revoked_at\` datetime null, primary key (\`id\`));`);
  }
}
