import { Migration } from '@mikro-orm/migrations';
import { dropTables } from '../../../../../runtime';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_log" ("id" varchar(36) not null, "chain" int not null default 0, "seq" bigint not null, "occurred_at" timestamptz not null, "recorded_at" timestamptz not null, "actor_id" varchar(255) null, "action" varchar(64) not null, "log_type" varchar(255) not null, "entity_type" varchar(128) not null, "entity_id" varchar(255) not null, "subgraph" varchar(128) not null, "status" varchar(32) not null, "old_values" jsonb null, "new_values" jsonb null, "request_id" varchar(255) null, "correlation_id" varchar(255) null, "event_id" varchar(255) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "audit_log_pkey" primary key ("id"));`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "audit_log_occurred_at_seq_index" on "audit_log" ("occurred_at", "seq");`);
    this.addSql(`create index "audit_log_entity_type_entity_id_occurred_at_index" on "audit_log" ("entity_type", "entity_id", "occurred_at");`);
    this.addSql(`create index "audit_log_actor_id_occurred_at_index" on "audit_log" ("actor_id", "occurred_at");`);
    this.addSql(`create index "audit_log_log_type_occurred_at_index" on "audit_log" ("log_type", "occurred_at");`);
    this.addSql(`create index "audit_log_correlation_id_index" on "audit_log" ("correlation_id");`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_chain_seq" unique ("chain", "seq");`);

    this.addSql(`create table "audit_policy_copies" ("id" varchar(80) not null, "kind" varchar(20) not null, "key" varchar(30) not null, "version" int not null, "effective_from" timestamptz not null, "rules" jsonb not null, "received_at" timestamptz not null, constraint "audit_policy_copies_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_policy_copies_kind_key_effective_from_index" on "audit_policy_copies" ("kind", "key", "effective_from");`);
  }

  override async down(): Promise<void> {
    dropTables(this, ['audit_log', 'audit_policy_copies']);
  }
}
