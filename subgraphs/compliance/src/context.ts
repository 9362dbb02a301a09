import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import type { ComplianceLoaders } from './loaders';

/** What every compliance resolver receives. */
export type ComplianceContext = SubgraphContext<ComplianceLoaders>;

export type ComplianceResolvers = GraphQLResolverMap<ComplianceContext>;

/** What the parts of the subgraph share: the clock and the settings. */
export interface ComplianceDeps {
  /** The clock policies, violations and due training are measured from. */
  now: () => Date;
  /** Days before a completion expires (or an assignment falls due) that the reminder is raised. */
  trainingReminderDays: number;
}
