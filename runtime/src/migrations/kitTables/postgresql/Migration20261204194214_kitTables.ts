import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194214_kitTables extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_keys" ("id" varchar(400) not null, "result_id" varchar(255) not null, "created_at" timestamptz not null, constraint "idempotency_keys_pkey" primary key ("id"));`);

    this.addSql(`create table "inbox" ("consumer" varchar(100) not null, "event_id" varchar(36) not null, "processed_at" timestamptz not null, constraint "inbox_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "outbox" ("id" varchar(36) not null, "subject" varchar(255) not null, "type" varchar(255) not null, "payload" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null, "attempts" int not null default 0, "last_error" text null, constraint "outbox_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_sent_at_created_at_index" on "outbox" ("sent_at", "created_at");`);

    this.addSql(`create table "scheduled_jobs" ("id" varchar(200) not null, "job" varchar(200) not null, "run_at" timestamptz not null, "payload" jsonb not null, "status" varchar(16) not null, "attempts" int not null default 0, "lease_owner" varchar(200) null, "lease_until" timestamptz null, "last_error" text null, "created_at" timestamptz not null, "finished_at" timestamptz null, constraint "scheduled_jobs_pkey" primary key ("id"));`);
    this.addSql(`create index "scheduled_jobs_status_run_at_index" on "scheduled_jobs" ("status", "run_at");`);
  }
}
