import type { ComplianceContext, ComplianceResolvers } from '../resolvers';
import { validateCompliance, type ComplianceCheckInput } from './validateCompliance';

/** `validateCompliance`, which needs no clock of its own: the deciding subgraph has one. */
export const checkResolvers = (): ComplianceResolvers => ({
  Query: {
    validateCompliance: (
      _root: unknown,
      args: { input: ComplianceCheckInput },
      ctx: ComplianceContext,
    ) => validateCompliance(ctx, args.input),
  },
});
