import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { createInputCheck } from '../../../runtime/src/inputCheck';
import { daysBetween, isIsoDate } from '../../../runtime/src/calendar';
import { once } from '../../../runtime/src/idempotency';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import { applyRateCard, RATE_CARD_SET } from './applyRateCard';
import { closeDay, ledgerToday } from './close';
import { checkFirst, decodeCursor, encodeCursor } from '../../../runtime/src/connections';
import {
  AccountSchema,
  DayCloseSchema,
  RateCardSchema,
  type Account,
  type DayClose,
  type RateCard,
} from './entities';
import { invalid, notFoundIn } from './errors';
import { checkGradeCode, isKnownGrade, MAX_DESCRIPTION_LENGTH } from './Grades';
import { ensureLedgerGuards, table } from './guards';
import type { BillingLoaders } from './loaders';
import { DEFAULT_CURRENCY, fromScaled, isCurrency, toScaled, type Money } from './money';
import { assertCanClose, assertCanReadCost, assertFinance } from './permissions';

export type BillingContext = SubgraphContext<BillingLoaders>;

export { RATE_CARD_SET };
export const MAX_PERIOD_DAYS = 366;
const MAX_RATE_MINOR = 100_000_000;

export interface SetRateCardInput {
  grade: string;
  effectiveFrom: string;
  baseHourlyRate: { amountMinor: number; currency: string };
  overtimeMultiplier: number;
  nightMultiplier: number;
  publicHolidayMultiplier: number;
  /** Required when the card corrects costs already booked. */
  correctionReason?: string | null;
  idempotencyKey?: string | null;
}

export interface CloseBillingDayInput {
  date: string;
  idempotencyKey?: string | null;
}

export interface StatementLine {
  id: string;
  occurredAt: Date;
  kind: string;
  amount: Money;
  sourceEventId: string | null;
  cause: string;
  entryId: string;
  employeeId: string;
  workDate: string;
  bookingDate: string;
  late: boolean;
  reversesId: string | null;
}

/** The fields of a rate card, every bad one refused together, each naming itself. */
function checkRateCardInput(input: SetRateCardInput) {
  const inputCheck = createInputCheck();
  const field = inputCheck.field;
  const rate = input.baseHourlyRate;
  const grade = field(() => checkGradeCode('grade', input.grade));
  field(() => checkDate('effectiveFrom', input.effectiveFrom));
  field(() => {
    if (!Number.isSafeInteger(rate.amountMinor) || rate.amountMinor < 0)
      throw invalid('baseHourlyRate.amountMinor', 'baseHourlyRate must not be negative.');
    if (rate.amountMinor > MAX_RATE_MINOR)
      throw invalid('baseHourlyRate.amountMinor', `baseHourlyRate is at most ${MAX_RATE_MINOR}.`);
  });
  field(() => checkCurrency('baseHourlyRate.currency', rate.currency));
  const overtime = field(() => checkMultiplier('overtimeMultiplier', input.overtimeMultiplier));
  const night = field(() => checkMultiplier('nightMultiplier', input.nightMultiplier));
  const holiday = field(() =>
    checkMultiplier('publicHolidayMultiplier', input.publicHolidayMultiplier),
  );
  const reason = input.correctionReason?.trim() || null;
  if (reason && reason.length > MAX_DESCRIPTION_LENGTH)
    field(() => {
      throw invalid(
        'correctionReason',
        `correctionReason is at most ${MAX_DESCRIPTION_LENGTH} characters.`,
      );
    });
  inputCheck.done();
  return { grade: grade!, overtime: overtime!, night: night!, holiday: holiday!, reason };
}

function checkDate(field: string, value: string): void {
  if (typeof value !== 'string' || !isIsoDate(value))
    throw invalid(field, `${field} must be a date, YYYY-MM-DD.`);
}

/** A period of days: both dates valid, `to` not before `from`, at most MAX_PERIOD_DAYS. */
export function checkPeriod(from: string, to: string): void {
  checkDate('from', from);
  checkDate('to', to);
  const span = daysBetween(from, to) + 1;
  if (span < 1) throw invalid('to', 'to must not be before from.');
  if (span > MAX_PERIOD_DAYS) throw invalid('to', `A period is at most ${MAX_PERIOD_DAYS} days.`);
}

function checkCurrency(field: string, currency: string): void {
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency) || !isCurrency(currency))
    throw invalid(field, `${field} must be a known ISO 4217 currency code, e.g. GBP.`);
}

function checkMultiplier(field: string, value: number): number {
  const scaled = Number.isFinite(value) ? toScaled(value) : null;
  if (scaled === null || value < 1 || value > 10)
    throw invalid(field, `${field} must be between 1 and 10, with at most four decimals.`);
  return scaled;
}

const money = (amountMinor: number, currency: string): Money => ({ amountMinor, currency });

export const rateCardView = (card: RateCard) => ({
  id: card.id,
  grade: card.grade,
  effectiveFrom: card.effectiveFrom,
  baseHourlyRate: money(card.baseHourlyRateMinor, card.currency),
  overtimeMultiplier: fromScaled(card.overtimeMultiplier),
  nightMultiplier: fromScaled(card.nightMultiplier),
  publicHolidayMultiplier: fromScaled(card.publicHolidayMultiplier),
  setAt: card.setAt,
  kind: card.kind ?? 'SCHEDULED',
  correctionReason: card.correctionReason ?? null,
  reversedTransactions: card.reversedCount ?? 0,
  postedTransactions: card.postedCount ?? 0,
  costedWaitingEntries: card.costedWaitingCount ?? 0,
});

export const closeView = (close: DayClose) => ({ ...close, closed: true });

const accountCursor = (account: Account) => encodeCursor([account.name, account.id]);

/** Billing's operations; `now` is the clock (injectable for tests). */
export class BillingService {
  constructor(
    private readonly ctx: BillingContext,
    private readonly now: () => Date,
  ) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  async setRateCard(input: SetRateCardInput) {
    assertFinance(this.ctx.identity, 'set rate cards');
    const { grade, overtime, night, holiday, reason } = checkRateCardInput(input);
    const today = ledgerToday(this.now());
    const rate = input.baseHourlyRate;
    if (!(await isKnownGrade(this.em, grade)))
      throw invalid(
        'grade',
        `Unknown grade ${grade}: create it first (createGrade), or hire someone into it.`,
      );

    const { id } = await once(
      this.em,
      {
        operation: 'billing.setRateCard',
        caller: this.ctx.identity.subject,
        key: input.idempotencyKey,
      },
      async (tx) => {
        await ensureLedgerGuards(tx);
        const card: RateCard = {
          id: uuidv7(),
          grade,
          effectiveFrom: input.effectiveFrom,
          baseHourlyRateMinor: rate.amountMinor,
          currency: rate.currency,
          overtimeMultiplier: overtime,
          nightMultiplier: night,
          publicHolidayMultiplier: holiday,
          setAt: this.now(),
          setBy: this.ctx.identity.subject,
          correctionReason: reason,
        };
        Object.assign(card, await applyRateCard(tx, card, today));
        await tx.insert(RateCardSchema, card);
        const view = rateCardView(card);
        this.ctx.emit(tx, {
          type: RATE_CARD_SET,
          subject: card.id,
          data: {
            rateCardId: card.id,
            grade,
            effectiveFrom: card.effectiveFrom,
            baseHourlyRate: view.baseHourlyRate,
            overtimeMultiplier: view.overtimeMultiplier,
            nightMultiplier: view.nightMultiplier,
            publicHolidayMultiplier: view.publicHolidayMultiplier,
            kind: view.kind,
            ...(reason && { correctionReason: reason }),
            reversedTransactions: view.reversedTransactions,
            postedTransactions: view.postedTransactions,
            costedWaitingEntries: view.costedWaitingEntries,
            version: 1,
          },
        });
        return card.id;
      },
    );
    return rateCardView(await this.em.findOneOrFail(RateCardSchema, { id }));
  }

  async rateCards(grade?: string | null) {
    assertFinance(this.ctx.identity, 'read rate cards');
    const cards = await this.em.find(RateCardSchema, grade ? { grade } : {}, {
      orderBy: { grade: 'asc', effectiveFrom: 'asc', id: 'asc' },
    });
    const newest = new Map<string, RateCard>();
    for (const card of cards) newest.set(`${card.grade}|${card.effectiveFrom}`, card);
    return [...newest.values()].map(rateCardView);
  }

  async closeBillingDay(input: CloseBillingDayInput) {
    assertCanClose(this.ctx.identity);
    checkDate('date', input.date);
    const today = ledgerToday(this.now());
    if (input.date > today) throw invalid('date', `date must not be after today (${today}).`);
    const { close } = await this.em.transactional((tx) =>
      closeDay(tx, input.date, { emit: (draft) => this.ctx.emit(tx, draft), now: this.now() }),
    );
    return closeView(close);
  }

  async dayClose(date: string) {
    assertFinance(this.ctx.identity, 'read the ledger');
    checkDate('date', date);
    const close = await this.em.findOne(DayCloseSchema, { date });
    return close ? closeView(close) : null;
  }

  async accounts(first: number, after?: string | null) {
    assertFinance(this.ctx.identity, 'read the ledger');
    checkFirst(first);
    const where = after
      ? (([name, id]) => ({
          $or: [{ name: { $gt: name } }, { name, id: { $gt: id } }],
        }))(decodeCursor(after, 2) as [string, string])
      : {};
    const [rows, totalCount] = await Promise.all([
      this.em.find(AccountSchema, where, { orderBy: { name: 'asc', id: 'asc' }, limit: first + 1 }),
      this.em.count(AccountSchema, {}),
    ]);
    const nodes = rows.slice(0, first);
    return {
      nodes,
      pageInfo: {
        endCursor: nodes.length ? accountCursor(nodes[nodes.length - 1]!) : null,
        hasNextPage: rows.length > first,
      },
      totalCount,
    };
  }

  async account(id: string) {
    assertFinance(this.ctx.identity, 'read the ledger');
    const account = await this.em.findOne(AccountSchema, { id });
    if (!account) throw notFoundIn('Billing account', id);
    return account;
  }

  async balance(account: Account): Promise<Money> {
    return money(await this.ctx.loaders.balance.load(account.id), account.currency);
  }

  async statement(account: Account, from: string, to: string) {
    assertFinance(this.ctx.identity, 'read the ledger');
    checkPeriod(from, to);
    const opening = await this.em.execute<{ total: string | null }[]>(
      `select sum(p.amount_minor) as total from ${table(this.em, 'billing_postings')} p
       join ${table(this.em, 'billing_transactions')} t on t.id = p.transaction_id
       where p.account_id = ? and p.booking_date < ?`,
      [account.id, from],
    );
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select t.id, t.occurred_at, t.kind, p.amount_minor, t.source_event_id, t.cause, t.entry_id,
              t.employee_id, t.work_date, t.booking_date, t.late, t.reverses_id
       from ${table(this.em, 'billing_postings')} p join ${table(this.em, 'billing_transactions')} t on t.id = p.transaction_id
       where p.account_id = ? and p.booking_date >= ? and p.booking_date <= ?
       order by p.booking_date asc, t.id asc`,
      [account.id, from, to],
    );
    const openingMinor = Number(opening[0]?.total ?? 0);
    const transactions: StatementLine[] = rows.map((r) => ({
      id: String(r.id),
      occurredAt: new Date(r.occurred_at as string | number | Date),
      kind: String(r.kind),
      amount: money(Number(r.amount_minor), account.currency),
      sourceEventId: (r.source_event_id as string | null) ?? null,
      cause: String(r.cause),
      entryId: String(r.entry_id),
      employeeId: String(r.employee_id),
      workDate: String(r.work_date),
      bookingDate: String(r.booking_date),
      late: r.late === true || r.late === 1,
      reversesId: (r.reverses_id as string | null) ?? null,
    }));
    const closingMinor = transactions.reduce((sum, t) => sum + t.amount.amountMinor, openingMinor);
    return {
      openingBalance: money(openingMinor, account.currency),
      closingBalance: money(closingMinor, account.currency),
      transactions,
    };
  }

  async trialBalance(on: string, currency?: string | null) {
    assertFinance(this.ctx.identity, 'read the ledger');
    checkDate('on', on);
    const wanted = currency ?? DEFAULT_CURRENCY;
    checkCurrency('currency', wanted);
    const rows = await this.em.execute<{ currency: string; total: string }[]>(
      `select p.currency, sum(p.amount_minor) as total from ${table(this.em, 'billing_postings')} p
       join ${table(this.em, 'billing_transactions')} t on t.id = p.transaction_id
       where p.booking_date <= ? group by p.account_id, p.currency`,
      [on],
    );
    const net = new Map<string, bigint>();
    let debits = 0;
    let credits = 0;
    for (const row of rows) {
      const total = BigInt(row.total);
      net.set(row.currency, (net.get(row.currency) ?? 0n) + total);
      if (row.currency !== wanted) continue;
      if (total > 0n) debits += Number(total);
      else credits -= Number(total);
    }
    return {
      on,
      balanced: [...net.values()].every((sum) => sum === 0n),
      total: money(debits, wanted),
      credits: money(credits, wanted),
    };
  }

  /** The employee's cost on work days [from, to], in one currency. */
  async cost(employeeId: string, from: string, to: string, currency?: string | null) {
    checkPeriod(from, to);
    if (currency) checkCurrency('currency', currency);
    await assertCanReadCost(this.ctx.identity, employeeId, (id) => this.managersOf(id));
    const byCurrency = await this.ctx.loaders.cost.load(`${employeeId}|${from}|${to}`);
    if (currency) return money(byCurrency.get(currency) ?? 0, currency);
    const present = [...byCurrency.entries()].filter(([, amount]) => amount !== 0);
    if (present.length > 1)
      throw invalid('currency', 'The period has costs in several currencies: name one.');
    const [only] = present;
    return only ? money(only[1], only[0]) : money(0, DEFAULT_CURRENCY);
  }

  /** Managers above an employee in billing's copy, nearest first (cycle-safe). */
  private async managersOf(employeeId: string): Promise<string[]> {
    const chain: string[] = [];
    let current = (await this.ctx.loaders.employee.load(employeeId))?.managerId ?? null;
    while (current && !chain.includes(current) && chain.length < 50) {
      chain.push(current);
      current = (await this.ctx.loaders.employee.load(current))?.managerId ?? null;
    }
    return chain;
  }
}
