import path from 'node:path';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { createLoaders, type EmployeeLoaders } from './loaders';
import { createResolvers } from './resolvers';
import { employeeResponder } from './responders';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** Options of {@link createEmployees}: none yet, employees reads no settings of its own. */
export type EmployeesOptions = Record<string, never>;

/** The HR master: employees, their reporting lines, and who may read what of them. */
export function createEmployees(_options: EmployeesOptions = {}): SubgraphModule<EmployeeLoaders> {
  return defineSubgraph<EmployeeLoaders>({
    name: 'employees',
    typeDefs,
    resolvers: createResolvers(),
    entities,
    migrations,
    loaders: createLoaders,
    responders: [employeeResponder],
    sealedColumns: { Employee: ['phoneSealed', 'salarySealed'] },
  });
}

export const employees = createEmployees();

export type { EmployeeLoaders };
