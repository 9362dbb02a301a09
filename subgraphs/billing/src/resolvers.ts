import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, pageSize } from '../../../runtime';
import { BillingService, type BillingContext } from './BillingService';
import type { Account } from './entities';
import {
  checkCurrency,
  checkDate,
  checkPeriod,
  checkUncostedFilter,
  type CloseBillingDayInput,
  type CreateGradeInput,
  type SetRateCardInput,
  type UncostedFilter,
  type UpdateGradeInput,
} from './inputs';
import { managersOf } from './loaders';
import { DEFAULT_CURRENCY } from './money';
import {
  assertCanClose,
  assertCanKeepGrades,
  assertCanReadCost,
  assertFinance,
} from './permissions';
import {
  costIn,
  dayClose,
  findAccount,
  findGrade,
  listAccounts,
  listGrades,
  listUncosted,
  money,
  rateCards,
  statement,
  trialBalance,
} from './queries';
import type { BillingSettings } from './settings';

interface EmployeeRef {
  id: string;
}

interface Page {
  first?: number | null;
  after?: string | null;
}

type Period = { from: string; to: string };

type Resolvers = GraphQLResolverMap<BillingContext>;

const finance = (ctx: BillingContext, what: string) => assertFinance(ctx.identity, what);
const keepsGrades = (ctx: BillingContext, what: string) => assertCanKeepGrades(ctx.identity, what);

const Query: Resolvers['Query'] = {
  billingAccounts: (_r, args: Page, ctx: BillingContext) => {
    finance(ctx, 'read the ledger');
    return listAccounts(ctx.em, pageSize(args.first), args.after);
  },
  billingAccount: (_r, args: { id: string }, ctx: BillingContext) => {
    finance(ctx, 'read the ledger');
    return findAccount(ctx.em, args.id);
  },
  trialBalance: (_r, args: { on: string; currency?: string | null }, ctx: BillingContext) => {
    finance(ctx, 'read the ledger');
    checkDate('on', args.on);
    const currency = args.currency ?? DEFAULT_CURRENCY;
    checkCurrency('currency', currency);
    return trialBalance(ctx.em, args.on, currency);
  },
  rateCards: (_r, args: { grade?: string | null }, ctx: BillingContext) => {
    finance(ctx, 'read rate cards');
    return rateCards(ctx.em, args.grade);
  },
  billingDayClose: (_r, args: { date: string }, ctx: BillingContext) => {
    finance(ctx, 'read the ledger');
    checkDate('date', args.date);
    return dayClose(ctx.em, args.date);
  },
  grades: (_r, args: Page & { includeRetired?: boolean | null }, ctx: BillingContext) => {
    keepsGrades(ctx, 'read grades');
    const size = pageSize(args.first);
    return listGrades(ctx.em, size, args.after, args.includeRetired ?? false);
  },
  grade: (_r, args: { code: string }, ctx: BillingContext) => {
    keepsGrades(ctx, 'read grades');
    return findGrade(ctx.em, args.code);
  },
  uncostedEntries: (_r, args: Page & { filter?: UncostedFilter | null }, ctx: BillingContext) => {
    finance(ctx, 'read uncosted entries');
    const size = pageSize(args.first);
    checkUncostedFilter(args.filter ?? {});
    return listUncosted(ctx.em, size, args.after, args.filter ?? {});
  },
};

const BillingAccount: Resolvers['BillingAccount'] = {
  owner: (account: Account) => account.ownerKey,
  balance: async (account: Account, _args: unknown, ctx: BillingContext) =>
    money(await ctx.loaders.balance.load(account.id), account.currency),
  statement: (account: Account, args: Period, ctx: BillingContext) => {
    finance(ctx, 'read the ledger');
    checkPeriod(args.from, args.to);
    return statement(ctx.em, account, args.from, args.to);
  },
};

const Employee: Resolvers['Employee'] = {
  // A reference costs nothing here: `cost` checks access per employee.
  __resolveReference: (reference: EmployeeRef) => ({ id: reference.id }),
  /** The employee's cost on work days [from, to], in one currency. */
  cost: async (
    employee: EmployeeRef,
    args: Period & { currency?: string | null },
    ctx: BillingContext,
  ) => {
    checkPeriod(args.from, args.to);
    if (args.currency) checkCurrency('currency', args.currency);
    await assertCanReadCost(ctx.identity, employee.id, managersOf(ctx.loaders));
    const byCurrency = await ctx.loaders.cost.load({ employeeId: employee.id, ...args });
    return costIn(byCurrency, args.currency);
  },
};

/** The resolvers, on the module's settings (its clock). */
export function createResolvers(settings: BillingSettings): Resolvers {
  const service = (ctx: BillingContext) => new BillingService(ctx, settings.now);
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query,
    Mutation: {
      setRateCard: (_r, args: { input: SetRateCardInput }, ctx: BillingContext) => {
        finance(ctx, 'set rate cards');
        return service(ctx).setRateCard(args.input);
      },
      closeBillingDay: (_r, args: { input: CloseBillingDayInput }, ctx: BillingContext) => {
        assertCanClose(ctx.identity);
        return service(ctx).closeBillingDay(args.input);
      },
      createGrade: (_r, args: { input: CreateGradeInput }, ctx: BillingContext) => {
        keepsGrades(ctx, 'create grades');
        return service(ctx).createGrade(args.input);
      },
      updateGrade: (_r, args: { input: UpdateGradeInput }, ctx: BillingContext) => {
        keepsGrades(ctx, 'change grades');
        return service(ctx).updateGrade(args.input);
      },
    },
    BillingAccount,
    Employee,
  };
}
