import { Migration } from '@mikro-orm/migrations';
import { APPEND_ONLY_TABLES } from '../appendOnlyTables';

/**
 * The ledger's guards (docs/billing.md): no update, delete or truncate of what is booked; a
 * deferred constraint trigger that checks at commit that every transaction's postings sum
 * to zero per currency; no booking on a closed day. Functions name their tables with the
 * schema, since they run under the caller's search path. `or replace` and `if exists`: a
 * database from before migrations installed these already at start.
 */
export class Migration20261204200000_ledgerGuards extends Migration {
  override async up(): Promise<void> {
    const schema = (this.config.get('schema') as string | undefined) ?? 'public';
    const q = (name: string) => `"${schema}".${name}`;
    this
      .addSql(`create or replace function ${q('billing_refuse_change')}() returns trigger language plpgsql as $$
      begin raise exception 'billing ledger is append-only: % on % refused', tg_op, tg_table_name; end $$`);
    this
      .addSql(`create or replace function ${q('billing_check_balanced')}() returns trigger language plpgsql as $$
      declare tx text;
      begin
        if tg_table_name = 'billing_postings' then tx := new.transaction_id; else tx := new.id; end if;
        if (select count(*) from ${q('billing_postings')} where transaction_id = tx) < 2 then
          raise exception 'billing ledger: transaction % has fewer than two postings', tx;
        end if;
        if exists (select 1 from ${q('billing_postings')} where transaction_id = tx
                   group by currency having sum(amount_minor) <> 0) then
          raise exception 'billing ledger: unbalanced transaction % refused', tx;
        end if;
        if not exists (select 1 from ${q('billing_transactions')} where id = tx) then
          raise exception 'billing ledger: postings without their transaction %', tx;
        end if;
        return null;
      end $$`);
    this
      .addSql(`create or replace function ${q('billing_check_open_day')}() returns trigger language plpgsql as $$
      begin
        if new.booking_date <= (select max(date) from ${q('billing_day_closes')}) then
          raise exception 'billing ledger: booking on closed day % refused', new.booking_date;
        end if;
        return new;
      end $$`);
    for (const table of APPEND_ONLY_TABLES) {
      this.addSql(`drop trigger if exists ${table}_append_only on ${q(table)}`);
      this.addSql(`create trigger ${table}_append_only before update or delete on ${q(table)}
        for each row execute function ${q('billing_refuse_change')}()`);
      this.addSql(`drop trigger if exists ${table}_no_truncate on ${q(table)}`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on ${q(table)}
        for each statement execute function ${q('billing_refuse_change')}()`);
    }
    this.addSql(`drop trigger if exists billing_postings_balanced on ${q('billing_postings')}`);
    this
      .addSql(`create constraint trigger billing_postings_balanced after insert on ${q('billing_postings')}
      deferrable initially deferred for each row execute function ${q('billing_check_balanced')}()`);
    this.addSql(
      `drop trigger if exists billing_transactions_balanced on ${q('billing_transactions')}`,
    );
    this
      .addSql(`create constraint trigger billing_transactions_balanced after insert on ${q('billing_transactions')}
      deferrable initially deferred for each row execute function ${q('billing_check_balanced')}()`);
    this.addSql(
      `drop trigger if exists billing_transactions_open_day on ${q('billing_transactions')}`,
    );
    this
      .addSql(`create trigger billing_transactions_open_day before insert on ${q('billing_transactions')}
      for each row execute function ${q('billing_check_open_day')}()`);
  }
}
