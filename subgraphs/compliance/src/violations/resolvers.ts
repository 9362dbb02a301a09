import type { ComplianceContext, ComplianceResolvers } from '../resolvers';
import type { ComplianceSettings } from '../settings';
import { closeViolation } from './closeViolation';
import type { Violation } from './entities';
import { findViolation, listViolations, type ViolationFilter } from './listViolations';
import { emittingIn } from '../events';
import { policyOf } from './events';

const chainOf = (ctx: ComplianceContext) => (id: string) => ctx.loaders.managerChain.load(id);

export const violationResolvers = (settings: ComplianceSettings): ComplianceResolvers => ({
  Query: {
    complianceViolations: (
      _r: unknown,
      args: { first: number; after?: string | null; filter?: ViolationFilter | null },
      ctx: ComplianceContext,
    ) => listViolations(ctx.em, ctx.identity, chainOf(ctx), args),
    complianceViolation: (_r: unknown, args: { id: string }, ctx: ComplianceContext) =>
      findViolation(ctx.em, ctx.identity, chainOf(ctx), args.id),
  },
  Mutation: {
    closeComplianceViolation: (
      _r: unknown,
      args: { id: string; note: string },
      ctx: ComplianceContext,
    ) =>
      closeViolation(
        {
          em: ctx.em,
          identity: ctx.identity,
          emitIn: (tx) => emittingIn(ctx, tx),
          now: settings.now(),
        },
        args.id,
        args.note,
      ),
  },
  ComplianceViolation: {
    employee: (v: Violation) => ({ id: v.employeeId }),
    policy: (v: Violation) => policyOf(v),
  },
});
