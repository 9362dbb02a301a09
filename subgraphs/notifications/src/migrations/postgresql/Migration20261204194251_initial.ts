import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "notifications" ("id" varchar(36) not null, "recipient_id" varchar(36) not null, "type" varchar(40) not null, "title" varchar(200) not null, "body" text not null, "channel" varchar(20) not null, "status" varchar(10) not null, "dedupe_key" varchar(200) not null, "created_at" timestamptz not null, "read_at" timestamptz null, "version" int not null, constraint "notifications_pkey" primary key ("id"));`);
    this.addSql(`create index "notifications_recipient_created" on "notifications" ("recipient_id", "created_at", "id");`);
    this.addSql(`alter table "notifications" add constraint "notifications_dedupe" unique ("dedupe_key", "recipient_id");`);

    this.addSql(`create table "notification_email_outbox" ("id" varchar(36) not null, "notification_id" varchar(36) not null, "to_address" varchar(320) not null, "subject" varchar(200) not null, "text" text not null, "html" text not null, "status" varchar(10) not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "notification_email_outbox_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification_email_outbox" add constraint "notification_email_outbox_notification_id_unique" unique ("notification_id");`);
    this.addSql(`create index "notification_email_due" on "notification_email_outbox" ("status", "next_attempt_at");`);

    this.addSql(`create table "notification_employees" ("id" varchar(36) not null, "first_name" varchar(100) null, "last_name" varchar(100) null, "email" varchar(320) null, "manager_id" varchar(36) null, "status" varchar(20) not null, "version" int not null, "updated_at" timestamptz not null, constraint "notification_employees_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['notifications', 'notification_email_outbox', 'notification_employees']);
  }
}
