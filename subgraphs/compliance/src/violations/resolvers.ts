import type { ComplianceContext, ComplianceDeps, ComplianceResolvers } from '../context';
import { closeViolation } from './closeViolation';
import type { Violation } from './entities';
import { findViolation, listViolations, type ViolationFilter } from './listViolations';
import { policyOf } from './recordViolation';

const chainOf = (ctx: ComplianceContext) => (id: string) => ctx.loaders.managerChain.load(id);

export const violationResolvers = (deps: ComplianceDeps): ComplianceResolvers => ({
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
        { em: ctx.em, identity: ctx.identity, emit: ctx.emit, now: deps.now() },
        args.id,
        args.note,
      ),
  },
  ComplianceViolation: {
    policy: (v: Violation) => policyOf(v),
  },
});
