import path from 'node:path';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { entities } from './entities';
import { createLoaders, type EmployeeLoaders } from './loaders';
import { employeeResponder } from './employeeResponder';
import { resolvers } from './resolvers';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** The HR master: employees, their reporting lines, and who may read what of them. */
export const employees = defineSubgraph<EmployeeLoaders>({
  name: 'employees',
  typeDefs,
  resolvers,
  entities,
  loaders: createLoaders,
  responders: [employeeResponder],
});

export type { EmployeeLoaders };
