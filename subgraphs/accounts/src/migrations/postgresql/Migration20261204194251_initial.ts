import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "accounts" ("id" varchar(36) not null, "email" varchar(254) not null, "password_hash" varchar(200) null, "employee_id" varchar(36) null, "explicit_role" varchar(20) null, "failed_attempts" int not null default 0, "locked_until" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "accounts_pkey" primary key ("id"));`);
    this.addSql(`alter table "accounts" add constraint "accounts_email_unique" unique ("email");`);
    this.addSql(`alter table "accounts" add constraint "accounts_employee_id_unique" unique ("employee_id");`);

    this.addSql(`create table "account_employees" ("id" varchar(36) not null, "first_name" varchar(100) null, "last_name" varchar(100) null, "email" varchar(320) null, "manager_id" varchar(36) null, "status" varchar(20) not null, "version" int not null, "updated_at" timestamptz not null, constraint "account_employees_pkey" primary key ("id"));`);
    this.addSql(`create index "account_employees_manager_id_index" on "account_employees" ("manager_id");`);

    this.addSql(`create table "account_mail_outbox" ("id" varchar(36) not null, "to_address" varchar(320) not null, "subject" varchar(200) not null, "text" text not null, "status" varchar(10) not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "account_mail_outbox_pkey" primary key ("id"));`);
    this.addSql(`create index "account_mail_due" on "account_mail_outbox" ("status", "next_attempt_at");`);

    this.addSql(`create table "account_refresh_tokens" ("hash" varchar(64) not null, "session_id" varchar(36) not null, "created_at" timestamptz not null, "used_at" timestamptz null, constraint "account_refresh_tokens_pkey" primary key ("hash"));`);
    this.addSql(`create index "account_refresh_tokens_session_id_index" on "account_refresh_tokens" ("session_id");`);

    this.addSql(`create table "account_sessions" ("id" varchar(36) not null, "account_id" varchar(36) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_because" varchar(20) null, "provider_role" varchar(20) null, constraint "account_sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "account_sessions_account_id_index" on "account_sessions" ("account_id");`);

    this.addSql(`create table "account_tickets" ("id" varchar(36) not null, "kind" varchar(20) not null, "token_hash" varchar(64) not null, "sealed_token" text null, "account_id" varchar(36) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "account_tickets_pkey" primary key ("id"));`);
    this.addSql(`alter table "account_tickets" add constraint "account_tickets_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "account_tickets_account_id_index" on "account_tickets" ("account_id");`);

    this.addSql(`create table "partner_clients" ("id" varchar(64) not null, "name" varchar(200) not null, "secret_hash" varchar(64) not null, "scopes" jsonb not null, "quota_requests" int null, "quota_cost" int null, "created_at" timestamptz not null, "created_by" varchar(200) not null, "revoked_at" timestamptz null, constraint "partner_clients_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['accounts', 'account_employees', 'account_mail_outbox', 'account_refresh_tokens', 'account_sessions', 'account_tickets', 'partner_clients']);
  }
}
