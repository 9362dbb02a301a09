import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, type SubgraphContext } from '../../../runtime';
import { checkResolvers } from './checks';
import type { ComplianceLoaders } from './loaders';
import { policyResolvers } from './policies';
import type { ComplianceSettings } from './settings';
import { trainingResolvers } from './training';
import { violationResolvers } from './violations';

/** What every compliance resolver receives. */
export type ComplianceContext = SubgraphContext<ComplianceLoaders>;

export type ComplianceResolvers = GraphQLResolverMap<ComplianceContext>;

/** Lays resolver maps over each other, type by type. */
function merge(maps: ComplianceResolvers[]): ComplianceResolvers {
  const merged: ComplianceResolvers = {};
  for (const map of maps)
    for (const [type, fields] of Object.entries(map))
      merged[type] = { ...(merged[type] as object), ...(fields as object) } as never;
  return merged;
}

/** Every resolver of the subgraph, from its four parts. */
export function createResolvers(settings: ComplianceSettings): ComplianceResolvers {
  return merge([
    { Date: DateScalar, DateTime: DateTimeScalar } as ComplianceResolvers,
    policyResolvers(settings),
    checkResolvers(),
    violationResolvers(settings),
    trainingResolvers(settings),
  ]);
}
