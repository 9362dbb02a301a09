import { DateScalar, DateTimeScalar } from '../../../runtime/src/scalars';
import { checkResolvers } from './checks';
import type { ComplianceDeps, ComplianceResolvers } from './context';
import { policyResolvers } from './policies';
import { trainingResolvers } from './training';
import { violationResolvers } from './violations';

/** Lays resolver maps over each other, type by type. */
function merge(maps: ComplianceResolvers[]): ComplianceResolvers {
  const merged: ComplianceResolvers = {};
  for (const map of maps)
    for (const [type, fields] of Object.entries(map))
      merged[type] = { ...(merged[type] as object), ...(fields as object) } as never;
  return merged;
}

/** Every resolver of the subgraph, from its four parts. */
export function createResolvers(deps: ComplianceDeps): ComplianceResolvers {
  return merge([
    { Date: DateScalar, DateTime: DateTimeScalar } as ComplianceResolvers,
    policyResolvers(deps),
    checkResolvers(deps),
    violationResolvers(deps),
    trainingResolvers(deps),
  ]);
}
