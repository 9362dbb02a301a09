import fs from 'node:fs';
import path from 'node:path';
import type { Client } from 'pg';
import type { JetStreamManager } from '@nats-io/jetstream';
import { CATALOGUE_DIR, deadLetterStream, DEFAULT_NAMESPACE } from '../../messaging';
import { schemasWith } from './catchUp';
import type { Serves } from './steadyLoad';

/** What one fault's phase wrote, and how far the consumers' effects differ from it. */
export interface Tally {
  written: number;
  lost: number;
  doubled: number;
  deadLettered: number;
  /** A few examples of what was lost or doubled, for the reader. */
  examples: string[];
}

interface EventRow {
  id: string;
  type: string;
  data: Record<string, any>;
}

/** Consumers of each event type, as the catalogue says (names are never written here). */
function consumersByType(): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const file of fs.readdirSync(CATALOGUE_DIR).filter((f) => f.endsWith('.json'))) {
    const contract = JSON.parse(fs.readFileSync(path.join(CATALOGUE_DIR, file), 'utf8'));
    byType.set(contract.type, [
      ...new Set([...(byType.get(contract.type) ?? []), ...contract.consumers]),
    ]);
  }
  return byType;
}

/** Every event committed in [from, to), over every subgraph's outbox. */
async function eventsWritten(db: Client, from: Date, to: Date): Promise<EventRow[]> {
  const events: EventRow[] = [];
  for (const schema of await schemasWith(db, 'outbox')) {
    const { rows } = await db.query(
      `select id, type, payload from "${schema}".outbox where created_at >= $1 and created_at < $2`,
      [from, to],
    );
    for (const row of rows)
      events.push({ id: row.id, type: row.type, data: JSON.parse(row.payload).data });
  }
  return events;
}

/** Counts per key of `select key, count(*)` over the rows a query gives. */
async function countBy(
  db: Client,
  sql: string,
  params: unknown[] = [],
): Promise<Map<string, number>> {
  const { rows } = await db.query(sql, params);
  return new Map(rows.map((r) => [String(r.key), Number(r.n)]));
}

class Findings {
  readonly lost = new Set<string>();
  readonly doubled = new Set<string>();
  /** Records that `what` (one consumer's effect of one thing) happened `times` times, not once. */
  once(what: string, times: number) {
    if (times === 0) this.lost.add(what);
    if (times > 1) this.doubled.add(what);
  }
  differ(what: string, stored: number, expected: number) {
    if (stored < expected) this.lost.add(`${what}: ${stored} < ${expected}`);
    if (stored > expected) this.doubled.add(`${what}: ${stored} > ${expected}`);
  }
}

/** Every consumer named for an event's type has it in its inbox. */
async function checkInboxes(db: Client, events: EventRow[], found: Findings, serves: Serves) {
  const consumers = consumersByType();
  const inboxes = new Map<string, Map<string, number>>();
  for (const schema of await schemasWith(db, 'inbox'))
    inboxes.set(
      schema,
      await countBy(db, `select event_id as key, count(*) as n from "${schema}".inbox group by 1`),
    );
  for (const event of events)
    for (const consumer of (consumers.get(event.type) ?? []).filter(serves))
      found.once(
        `${consumer} inbox of ${event.type} ${event.id}`,
        inboxes.get(consumer)?.get(event.id) ?? 0,
      );
}

/** Each event audit hears of has exactly one audit entry. */
async function checkAudit(db: Client, events: EventRow[], found: Findings) {
  const consumers = consumersByType();
  const entries = await countBy(
    db,
    'select event_id as key, count(*) as n from audit.audit_log group by 1',
  );
  for (const event of events)
    if (consumers.get(event.type)?.includes('audit'))
      found.once(`audit entry of ${event.type} ${event.id}`, entries.get(event.id) ?? 0);
}

/**
 * Accrual balances recomputed from scratch: each stored day total is the sum of its
 * contributions, each cumulative total the opening balance plus the running sum; each live
 * time entry is copied at its latest version and adds its worked minutes once to the annual target.
 */
async function checkAccruals(db: Client, found: Findings) {
  const { rows: days } = await db.query(`
    select d.agreement_id, d.accrual_type, d.date, d.day_total, d.cumulative_total,
      coalesce((select sum(c.amount) from accruals.accruals_contributions c where c.agreement_id = d.agreement_id
        and c.accrual_type = d.accrual_type and c.date = d.date), 0)::int as summed,
      a.opening_balances
    from accruals.accruals_days d join accruals.accruals_agreements a on a.id = d.agreement_id
    order by d.agreement_id, d.accrual_type, d.date`);
  let series = '';
  let running = 0;
  for (const day of days) {
    const key = `${day.agreement_id}/${day.accrual_type}`;
    if (key !== series) {
      series = key;
      const opening = (day.opening_balances as { accrualType: string; total: number }[]).find(
        (o) => o.accrualType === day.accrual_type,
      );
      // Opening balances are hours (or counts); stored totals are minutes for hour types.
      running = opening
        ? Math.round(opening.total * (day.accrual_type.startsWith('ON_CALL_') ? 1 : 60))
        : 0;
    }
    running += day.summed;
    found.differ(`accrual day total ${key} ${day.date}`, day.day_total, day.summed);
    found.differ(`accrual cumulative ${key} ${day.date}`, day.cumulative_total, running);
  }
  const { rows: entries } = await db.query(`
    select t.id, t.version, t.employee_id, extract(epoch from (t.end_time - t.start_time))/60 - t.meal_break_minutes as minutes,
      e.version as copied,
      (select count(*) from accruals.accruals_contributions c where c.entry_id = t.id and c.accrual_type = 'ANNUAL_TARGET_HOURS')::int as parts,
      (select coalesce(sum(c.amount), 0) from accruals.accruals_contributions c where c.entry_id = t.id and c.accrual_type = 'ANNUAL_TARGET_HOURS')::int as counted
    from time.time_entries t left join accruals.accruals_entries e on e.id = t.id
    where t.deleted_at is null and t.end_time is not null`);
  for (const entry of entries) {
    found.once(
      `accruals copy of time entry ${entry.id} v${entry.version}`,
      entry.copied === entry.version ? 1 : 0,
    );
    found.differ(
      `annual target minutes of entry ${entry.id}`,
      entry.counted,
      Math.round(entry.minutes),
    );
  }
  const doubledParts = await countBy(
    db,
    `select entry_id || '/' || accrual_type || '/' || date as key, count(*) as n
     from accruals.accruals_contributions group by 1 having count(*) > 1`,
  );
  for (const [key, n] of doubledParts) found.once(`accrual contribution ${key}`, n);
}

/**
 * The billing ledger balances to 0, each paid time entry has one live cost, and each
 * employee's cost is their shifts' minutes at the rate card's base rate.
 */
async function checkBilling(db: Client, found: Findings, hourlyRateMinor: number) {
  const { rows: sum } = await db.query(
    'select coalesce(sum(amount_minor), 0)::bigint as n from billing.billing_postings',
  );
  if (Number(sum[0].n) !== 0) found.doubled.add(`ledger sum is ${sum[0].n}, not 0`);
  const costs = await countBy(
    db,
    `select t.entry_id as key, count(*) as n from billing.billing_transactions t
     where t.kind = 'COST' and not exists (select 1 from billing.billing_transactions r where r.reverses_id = t.id)
     group by 1`,
  );
  const { rows: entries } = await db.query(`
    select id, employee_id, extract(epoch from (end_time - start_time))/60 - meal_break_minutes as minutes
    from time.time_entries where deleted_at is null and end_time is not null and period_type = 'SHIFT'`);
  const expected = new Map<string, number>();
  for (const entry of entries) {
    found.once(`billing cost of entry ${entry.id}`, costs.get(entry.id) ?? 0);
    const amount = Math.round((Number(entry.minutes) * hourlyRateMinor) / 60);
    expected.set(entry.employee_id, (expected.get(entry.employee_id) ?? 0) + amount);
  }
  const stored = await countBy(
    db,
    `select a.owner_key as key, -sum(p.amount_minor) as n from billing.billing_postings p
     join billing.billing_accounts a on a.id = p.account_id where a.kind = 'PAYROLL_LIABILITY' group by 1`,
  );
  for (const employee of new Set([...expected.keys(), ...stored.keys()]))
    found.differ(
      `cost of employee ${employee}`,
      stored.get(employee) ?? 0,
      expected.get(employee) ?? 0,
    );
}

/** Leave events give one notification to each recipient their data names, no more. */
async function checkNotifications(db: Client, events: EventRow[], found: Findings) {
  const held = await countBy(
    db,
    `select dedupe_key || '>' || recipient_id as key, count(*) as n from notifications.notifications group by 1`,
  );
  for (const event of events) {
    const recipient =
      event.type === 'leave.request.created'
        ? event.data.managerId
        : event.type === 'leave.request.approved'
          ? event.data.employeeId
          : undefined;
    if (recipient)
      found.once(
        `notification of ${event.type} ${event.id} to ${recipient}`,
        held.get(`${event.id}>${recipient}`) ?? 0,
      );
  }
}

/** One finding of each kind (what is counted and of which event type), at most ten. */
function examplesOf(findings: string[]): string[] {
  const kinds = new Map<string, string>();
  for (const finding of findings) {
    const kind = finding.split(' ').slice(0, 4).join(' ');
    if (!kinds.has(kind))
      kinds.set(kind, `${finding} (${findings.filter((f) => f.startsWith(kind)).length} like it)`);
  }
  return [...kinds.values()].slice(0, 10);
}

export async function deadLetters(jsm: JetStreamManager): Promise<number> {
  return (await jsm.streams.info(deadLetterStream(DEFAULT_NAMESPACE))).state.messages;
}

/**
 * Counts, for the events committed in [from, to), what every consumer applied: the inboxes,
 * one audit entry per event, accruals and billing recomputed from scratch (over everything
 * so far), and notifications per recipient.
 */
export async function tally(
  db: Client,
  jsm: JetStreamManager,
  window: { from: Date; to: Date; deadLettersBefore: number; hourlyRateMinor: number },
  serves: Serves,
): Promise<Tally> {
  const events = await eventsWritten(db, window.from, window.to);
  const found = new Findings();
  await checkInboxes(db, events, found, serves);
  if (serves('audit')) await checkAudit(db, events, found);
  if (serves('accruals') && serves('time')) await checkAccruals(db, found);
  if (serves('billing') && serves('time')) await checkBilling(db, found, window.hourlyRateMinor);
  if (serves('notifications')) await checkNotifications(db, events, found);
  return {
    written: events.length,
    lost: found.lost.size,
    doubled: found.doubled.size,
    deadLettered: (await deadLetters(jsm)) - window.deadLettersBefore,
    examples: examplesOf([...found.lost, ...found.doubled]),
  };
}
