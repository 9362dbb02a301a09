import type { EntityManager } from '@mikro-orm/knex';

/**
 * Database guards of the ledger, so that no code path (nor a person with SQL) can store an
 * unbalanced transaction, book on a closed day, or change what is booked:
 * - PostgreSQL: a DEFERRABLE INITIALLY DEFERRED constraint trigger on postings and on
 *   transactions checks at commit that every transaction's postings sum to zero per
 *   currency (and that it has postings);
 * - SQLite (no deferred triggers): postings are written first and the transaction row
 *   seals them; a BEFORE INSERT trigger on transactions refuses a row whose postings do not
 *   sum to zero, and one on postings refuses a line for a sealed transaction;
 * - both: BEFORE UPDATE / DELETE triggers refuse any change to transactions, postings,
 *   rate cards, closes and closing balances; a BEFORE INSERT trigger refuses a
 *   transaction booked on or before the last closed day.
 * The schema is created by the ORM; the guards are installed by {@link ensureLedgerGuards},
 * which every write path calls first (one catalogue query per process once installed).
 */

const APPEND_ONLY = [
  'billing_transactions',
  'billing_postings',
  'billing_rate_cards',
  'billing_day_closes',
  'billing_closing_balances',
];

const SQLITE_TRIGGERS = [
  ...APPEND_ONLY.flatMap((table) =>
    ['update', 'delete'].map(
      (op) => `create trigger if not exists ${table}_no_${op} before ${op} on ${table}
       begin select raise(abort, 'billing ledger is append-only: ${op} on ${table} refused'); end`,
    ),
  ),
  `create trigger if not exists billing_transactions_balanced before insert on billing_transactions
   when (select count(*) from billing_postings where transaction_id = new.id) < 2
     or exists (select 1 from billing_postings where transaction_id = new.id
                group by currency having sum(amount_minor) <> 0)
   begin select raise(abort, 'billing ledger: unbalanced transaction refused'); end`,
  `create trigger if not exists billing_postings_sealed before insert on billing_postings
   when exists (select 1 from billing_transactions where id = new.transaction_id)
   begin select raise(abort, 'billing ledger: posting to a sealed transaction refused'); end`,
  `create trigger if not exists billing_transactions_open_day before insert on billing_transactions
   when new.booking_date <= (select max(date) from billing_day_closes)
   begin select raise(abort, 'billing ledger: booking on a closed day refused'); end`,
];

const SQLITE_NAMES = [
  ...APPEND_ONLY.flatMap((t) => [`${t}_no_update`, `${t}_no_delete`]),
  'billing_transactions_balanced',
  'billing_postings_sealed',
  'billing_transactions_open_day',
];

function postgresStatements(schema: string): string[] {
  const q = (name: string) => `"${schema}".${name}`;
  return [
    `create or replace function ${q('billing_refuse_change')}() returns trigger language plpgsql as $$
     begin raise exception 'billing ledger is append-only: % on % refused', tg_op, tg_table_name; end $$`,
    `create or replace function ${q('billing_check_balanced')}() returns trigger language plpgsql as $$
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
     end $$`,
    `create or replace function ${q('billing_check_open_day')}() returns trigger language plpgsql as $$
     begin
       if new.booking_date <= (select max(date) from ${q('billing_day_closes')}) then
         raise exception 'billing ledger: booking on closed day % refused', new.booking_date;
       end if;
       return new;
     end $$`,
    ...APPEND_ONLY.flatMap((table) => [
      `drop trigger if exists ${table}_append_only on ${q(table)}`,
      `create trigger ${table}_append_only before update or delete on ${q(table)}
       for each row execute function ${q('billing_refuse_change')}()`,
      `drop trigger if exists ${table}_no_truncate on ${q(table)}`,
      `create trigger ${table}_no_truncate before truncate on ${q(table)}
       for each statement execute function ${q('billing_refuse_change')}()`,
    ]),
    `drop trigger if exists billing_postings_balanced on ${q('billing_postings')}`,
    `create constraint trigger billing_postings_balanced after insert on ${q('billing_postings')}
     deferrable initially deferred for each row execute function ${q('billing_check_balanced')}()`,
    `drop trigger if exists billing_transactions_balanced on ${q('billing_transactions')}`,
    `create constraint trigger billing_transactions_balanced after insert on ${q('billing_transactions')}
     deferrable initially deferred for each row execute function ${q('billing_check_balanced')}()`,
    `drop trigger if exists billing_transactions_open_day on ${q('billing_transactions')}`,
    `create trigger billing_transactions_open_day before insert on ${q('billing_transactions')}
     for each row execute function ${q('billing_check_open_day')}()`,
  ];
}

/** The PostgreSQL schema the subgraph's tables live in, or null on SQLite. */
export function postgresSchema(em: EntityManager): string | null {
  const platform = em.getPlatform().constructor.name;
  if (!platform.toLowerCase().includes('postgre')) return null;
  return (em.config.get('schema') as string | undefined) ?? 'public';
}

const PG_TRIGGER_COUNT = APPEND_ONLY.length * 2 + 3;
const installed = new WeakSet<object>();

/** Installs the guards once per database (idempotent, safe with several replicas). */
export async function ensureLedgerGuards(em: EntityManager): Promise<void> {
  const key = em.getConnection().getKnex();
  if (installed.has(key)) return;
  const schema = postgresSchema(em);
  let installedNow = false;
  if (schema) {
    const present = async () => {
      const rows = await em.execute<{ n: string }[]>(
        `select count(*) as n from pg_trigger t join pg_class c on c.oid = t.tgrelid
         join pg_namespace s on s.oid = c.relnamespace
         where s.nspname = ? and not t.tgisinternal and t.tgname like 'billing_%'`,
        [schema],
      );
      return Number(rows[0]?.n ?? 0) >= PG_TRIGGER_COUNT;
    };
    if (!(await present())) {
      // One installer at a time: concurrent CREATE OR REPLACE of one function conflicts.
      await em.transactional(async (tx) => {
        await tx.execute(`select pg_advisory_xact_lock(hashtext('billing.guards'))`);
        if (await present()) return;
        installedNow = true;
        for (const sql of postgresStatements(schema)) await tx.execute(sql);
      });
    }
  } else {
    const rows = await em.execute<{ n: number }[]>(
      `select count(*) as n from sqlite_master where type = 'trigger' and name in (${SQLITE_NAMES.map(() => '?').join(', ')})`,
      SQLITE_NAMES,
    );
    if (Number(rows[0]?.n ?? 0) < SQLITE_NAMES.length) {
      installedNow = true;
      for (const sql of SQLITE_TRIGGERS) await em.execute(sql);
    }
  }
  // Inside a transaction that may still roll back, only a later check may trust it.
  if (!installedNow || !em.isInTransaction()) installed.add(key);
}

/** A table's name as raw SQL must write it (schema-qualified on PostgreSQL). */
export function table(em: EntityManager, name: string): string {
  const schema = postgresSchema(em);
  return schema ? `"${schema}".${name}` : name;
}
