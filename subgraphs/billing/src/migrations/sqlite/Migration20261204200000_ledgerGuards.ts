import { Migration } from '@mikro-orm/migrations';
import { APPEND_ONLY_TABLES } from '../appendOnlyTables';

/**
 * The ledger's guards (docs/billing.md): no update or delete of what is booked, no
 * unbalanced transaction, no booking on a closed day. SQLite has no deferred triggers, so
 * postings are written first and the transaction row seals them. `if not exists`: a
 * database from before migrations installed these already at start.
 */
export class Migration20261204200000_ledgerGuards extends Migration {
  override async up(): Promise<void> {
    for (const table of APPEND_ONLY_TABLES)
      for (const op of ['update', 'delete'])
        this.addSql(`create trigger if not exists ${table}_no_${op} before ${op} on ${table}
          begin select raise(abort, 'billing ledger is append-only: ${op} on ${table} refused'); end`);
    this
      .addSql(`create trigger if not exists billing_transactions_balanced before insert on billing_transactions
      when (select count(*) from billing_postings where transaction_id = new.id) < 2
        or exists (select 1 from billing_postings where transaction_id = new.id
                   group by currency having sum(amount_minor) <> 0)
      begin select raise(abort, 'billing ledger: unbalanced transaction refused'); end`);
    this
      .addSql(`create trigger if not exists billing_postings_sealed before insert on billing_postings
      when exists (select 1 from billing_transactions where id = new.transaction_id)
      begin select raise(abort, 'billing ledger: posting to a sealed transaction refused'); end`);
    this
      .addSql(`create trigger if not exists billing_transactions_open_day before insert on billing_transactions
      when new.booking_date <= (select max(date) from billing_day_closes)
      begin select raise(abort, 'billing ledger: booking on a closed day refused'); end`);
  }
}
