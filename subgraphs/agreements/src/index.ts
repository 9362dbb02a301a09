import path from 'node:path';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { employeeCopyHandler } from './handlers';
import { createLoaders, type AgreementLoaders } from './loaders';
import { createResolvers } from './resolvers';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** Options of {@link createAgreements}: none yet, agreements reads no settings of its own. */
export type AgreementsOptions = Record<string, never>;

/** Contract terms from TAMS: agreements, their versions and targets, and the import. */
export function createAgreements(
  _options: AgreementsOptions = {},
): SubgraphModule<AgreementLoaders> {
  return defineSubgraph<AgreementLoaders>({
    name: 'agreements',
    typeDefs,
    resolvers: createResolvers(),
    entities,
    migrations,
    loaders: createLoaders,
    eventHandlers: [employeeCopyHandler],
  });
}

export const agreements = createAgreements();

export { employeeCopyHandler };
export { importAgreements, recordsOf, type ImportReport } from './importer';
export { employeeNumberLearner } from './employeeNumberLearner';
