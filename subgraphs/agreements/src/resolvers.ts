import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { AgreementService, type AgreementContext } from './AgreementService';
import {
  ACCRUAL_TYPES,
  type AccrualTotals,
  type Agreement,
  type AgreementVersion,
  type ImportJob,
} from './entities';
import type { AmendAgreementInput, CreateAgreementInput, ImportAgreementsInput } from './inputs';
import { DateScalar, DateTimeScalar } from '../../../runtime';

const service = (ctx: AgreementContext) => new AgreementService(ctx);

const totals = (values: AccrualTotals, all: boolean) =>
  ACCRUAL_TYPES.filter((type) => all || values[type] !== undefined).map((accrualType) => ({
    accrualType,
    total: values[accrualType] ?? 0,
  }));

/** A stored version, shaped as the agreement was then. */
const asAgreement = (v: AgreementVersion): Agreement => ({
  ...v,
  id: v.agreementId,
  updatedAt: v.createdAt,
});

/** The resolvers: thin, the service checks who may. */
export const createResolvers = (): GraphQLResolverMap<AgreementContext> => ({
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: {
    agreement: (_root, args: { id: string }, ctx: AgreementContext) => service(ctx).get(args.id),
    agreementsImport: (_root, args: { id: string }, ctx: AgreementContext) =>
      service(ctx).importJob(args.id),
  },
  Mutation: {
    createAgreement: (_root, args: { input: CreateAgreementInput }, ctx: AgreementContext) =>
      service(ctx).create(args.input),
    amendAgreement: (_root, args: { input: AmendAgreementInput }, ctx: AgreementContext) =>
      service(ctx).amend(args.input),
    importAgreements: (_root, args: { input: ImportAgreementsInput }, ctx: AgreementContext) =>
      service(ctx).import(args.input),
    startAgreementsImport: (_root, args: { input: ImportAgreementsInput }, ctx: AgreementContext) =>
      service(ctx).startImport(args.input),
  },
  AgreementsImport: {
    result: (job: ImportJob) => job.report,
  },
  Employee: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    agreements: (employee: { id: string }, _args, ctx: AgreementContext) =>
      service(ctx).ofEmployee(employee.id),
    currentAgreement: (employee: { id: string }, args: { on: string }, ctx: AgreementContext) =>
      service(ctx).currentOf(employee.id, args.on),
  },
  Agreement: {
    employee: (agreement: Agreement) => ({ id: agreement.employeeId }),
    fte: (agreement: Agreement) => agreement.fteUnits / 10_000,
    weeklyHours: (agreement: Agreement) => agreement.weeklyHundredths / 100,
    annualLeaveDays: (agreement: Agreement) => agreement.leaveHundredths / 100,
    targets: (agreement: Agreement) => totals(agreement.targets, true),
    openingBalances: (agreement: Agreement) => totals(agreement.openings, false),
    history: async (agreement: Agreement, _args, ctx: AgreementContext) =>
      (await ctx.loaders.versions.load(agreement.id)).map(asAgreement),
  },
});
