import path from 'node:path';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { entities } from './entities';
import { employeeCopyHandler } from './handlers';
import { createLoaders, type AgreementLoaders } from './loaders';
import { resolvers } from './resolvers';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** Contract terms from TAMS: agreements, their versions and targets, and the import. */
export const agreements = defineSubgraph<AgreementLoaders>({
  name: 'agreements',
  typeDefs,
  resolvers,
  entities,
  loaders: createLoaders,
  eventHandlers: [employeeCopyHandler],
});

export { employeeCopyHandler };
export { importAgreements, recordsOf, type ImportReport } from './importer';
