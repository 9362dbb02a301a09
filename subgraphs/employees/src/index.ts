import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { entities } from './entities';
import { createLoaders, type EmployeeLoaders } from './loaders';
import { resolvers } from './resolvers';

export const typeDefs = parse(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

/** The HR master: employees, their reporting lines, and who may read what of them. */
export const employees = defineSubgraph<EmployeeLoaders>({
  name: 'employees',
  typeDefs,
  resolvers,
  entities,
  loaders: createLoaders,
});

export type { EmployeeLoaders };
