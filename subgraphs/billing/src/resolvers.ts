import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar } from '../../../runtime/src/scalars';
import {
  BillingService,
  type BillingContext,
  type CloseBillingDayInput,
  type SetRateCardInput,
} from './BillingService';
import type { Account } from './entities';
import { Grades, type CreateGradeInput, type UpdateGradeInput } from './Grades';
import { listUncosted, type UncostedFilter } from './UncostedEntries';

interface EmployeeRef {
  id: string;
}

/** The resolvers, on a clock (the real one outside tests). */
export function createResolvers(now: () => Date): GraphQLResolverMap<BillingContext> {
  const service = (ctx: BillingContext) => new BillingService(ctx, now);
  const grades = (ctx: BillingContext) => new Grades(ctx, now);
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: {
      billingAccounts: (_r, args: { first: number; after?: string | null }, ctx: BillingContext) =>
        service(ctx).accounts(args.first, args.after),
      billingAccount: (_r, args: { id: string }, ctx: BillingContext) =>
        service(ctx).account(args.id),
      trialBalance: (_r, args: { on: string; currency?: string | null }, ctx: BillingContext) =>
        service(ctx).trialBalance(args.on, args.currency),
      rateCards: (_r, args: { grade?: string | null }, ctx: BillingContext) =>
        service(ctx).rateCards(args.grade),
      billingDayClose: (_r, args: { date: string }, ctx: BillingContext) =>
        service(ctx).dayClose(args.date),
      grades: (
        _r,
        args: { first: number; after?: string | null; includeRetired?: boolean | null },
        ctx: BillingContext,
      ) => grades(ctx).list(args.first, args.after, args.includeRetired ?? false),
      grade: (_r, args: { code: string }, ctx: BillingContext) => grades(ctx).one(args.code),
      uncostedEntries: (
        _r,
        args: { first: number; after?: string | null; filter?: UncostedFilter | null },
        ctx: BillingContext,
      ) => listUncosted(ctx.em, ctx.identity, args),
    },
    Mutation: {
      setRateCard: (_r, args: { input: SetRateCardInput }, ctx: BillingContext) =>
        service(ctx).setRateCard(args.input),
      closeBillingDay: (_r, args: { input: CloseBillingDayInput }, ctx: BillingContext) =>
        service(ctx).closeBillingDay(args.input),
      createGrade: (_r, args: { input: CreateGradeInput }, ctx: BillingContext) =>
        grades(ctx).create(args.input),
      updateGrade: (_r, args: { input: UpdateGradeInput }, ctx: BillingContext) =>
        grades(ctx).update(args.input),
    },
    BillingAccount: {
      owner: (account: Account) => account.ownerKey,
      balance: (account: Account, _args: unknown, ctx: BillingContext) =>
        service(ctx).balance(account),
      statement: (account: Account, args: { from: string; to: string }, ctx: BillingContext) =>
        service(ctx).statement(account, args.from, args.to),
    },
    Employee: {
      // A reference costs nothing here: `cost` checks access per employee.
      __resolveReference: (reference: EmployeeRef) => ({ id: reference.id }),
      cost: (
        employee: EmployeeRef,
        args: { from: string; to: string; currency?: string | null },
        ctx: BillingContext,
      ) => service(ctx).cost(employee.id, args.from, args.to, args.currency),
    },
  };
}
