import type { ComplianceContext, ComplianceDeps, ComplianceResolvers } from '../context';
import { validateCompliance, type ComplianceCheckInput } from './validateCompliance';

/** `validateCompliance`, which needs no clock of its own: the deciding subgraph has one. */
export const checkResolvers = (_deps: ComplianceDeps): ComplianceResolvers => ({
  Query: {
    validateCompliance: (
      _root: unknown,
      args: { input: ComplianceCheckInput },
      ctx: ComplianceContext,
    ) => validateCompliance(ctx, args.input),
  },
});
