import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`notifications\` (\`id\` text not null, \`recipient_id\` text not null, \`type\` text not null, \`title\` text not null, \`body\` text not null, \`channel\` text not null, \`status\` text not null, \`dedupe_key\` text not null, \`created_at\` datetime not null, \`read_at\` datetime null, \`version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`notifications_recipient_created\` on \`notifications\` (\`recipient_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create unique index \`notifications_dedupe\` on \`notifications\` (\`dedupe_key\`, \`recipient_id\`);`);

    this.addSql(`create table \`notification_email_outbox\` (\`id\` text not null, \`notification_id\` text not null, \`to_address\` text not null, \`subject\` text not null, \`text\` text not null, \`html\` text not null, \`status\` text not null, \`attempts\` integer not null, \`next_attempt_at\` datetime not null, \`last_error\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`notification_email_outbox_notification_id_unique\` on \`notification_email_outbox\` (\`notification_id\`);`);
    this.addSql(`create index \`notification_email_due\` on \`notification_email_outbox\` (\`status\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`notification_employees\` (\`id\` text not null, \`first_name\` text null, \`last_name\` text null, \`email\` text null, \`manager_id\` text null, \`status\` text not null, \`version\` integer not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
  }
}
