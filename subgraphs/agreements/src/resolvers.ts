import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { AgreementService, type AgreementContext } from './AgreementService';
import {
  ACCRUAL_TYPES,
  type AccrualTotals,
  type Agreement,
  type AgreementVersion,
  type ImportJob,
} from './entities';
import { DateScalar, DateTimeScalar, idQueries, inputMutations } from '../../../runtime';

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
  Query: idQueries(service, { agreement: 'get', agreementsImport: 'importJob' }),
  Mutation: inputMutations(service, {
    createAgreement: 'create',
    amendAgreement: 'amend',
    importAgreements: 'import',
    startAgreementsImport: 'startImport',
  }),
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
