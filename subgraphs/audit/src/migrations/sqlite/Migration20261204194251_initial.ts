import { Migration } from '@mikro-orm/migrations';

export class Migration20261204194251_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`audit_log\` (\`id\` text not null, \`chain\` integer not null default 0, \`seq\` bigint not null, \`occurred_at\` datetime not null, \`recorded_at\` datetime not null, \`actor_id\` text null, \`action\` text not null, \`log_type\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`subgraph\` text not null, \`status\` text not null, \`old_values\` json null, \`new_values\` json null, \`request_id\` text null, \`correlation_id\` text null, \`event_id\` text not null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`audit_log_event_id_unique\` on \`audit_log\` (\`event_id\`);`);
    this.addSql(`create index \`audit_log_occurred_at_seq_index\` on \`audit_log\` (\`occurred_at\`, \`seq\`);`);
    this.addSql(`create index \`audit_log_entity_type_entity_id_occurred_at_index\` on \`audit_log\` (\`entity_type\`, \`entity_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_log_actor_id_occurred_at_index\` on \`audit_log\` (\`actor_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_log_log_type_occurred_at_index\` on \`audit_log\` (\`log_type\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_log_correlation_id_index\` on \`audit_log\` (\`correlation_id\`);`);
    this.addSql(`create unique index \`audit_log_chain_seq\` on \`audit_log\` (\`chain\`, \`seq\`);`);

    this.addSql(`create table \`audit_policy_copies\` (\`id\` text not null, \`kind\` text not null, \`key\` text not null, \`version\` integer not null, \`effective_from\` datetime not null, \`rules\` json not null, \`received_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`audit_policy_copies_kind_key_effective_from_index\` on \`audit_policy_copies\` (\`kind\`, \`key\`, \`effective_from\`);`);
  }
}
