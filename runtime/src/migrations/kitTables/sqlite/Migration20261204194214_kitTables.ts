import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194214_kitTables extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`idempotency_keys\` (\`id\` text not null, \`result_id\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);

    this.addSql(`create table \`inbox\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`);

    this.addSql(`create table \`outbox\` (\`id\` text not null, \`subject\` text not null, \`type\` text not null, \`payload\` text not null, \`created_at\` datetime not null, \`sent_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`outbox_sent_at_created_at_index\` on \`outbox\` (\`sent_at\`, \`created_at\`);`);

    this.addSql(`create table \`scheduled_jobs\` (\`id\` text not null, \`job\` text not null, \`run_at\` datetime not null, \`payload\` json not null, \`status\` text not null, \`attempts\` integer not null default 0, \`lease_owner\` text null, \`lease_until\` datetime null, \`last_error\` text null, \`created_at\` datetime not null, \`finished_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`scheduled_jobs_status_run_at_index\` on \`scheduled_jobs\` (\`status\`, \`run_at\`);`);
  }
}
