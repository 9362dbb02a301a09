import path from 'node:path';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { createEndEmploymentJob } from './jobs';
import { createLoaders, type EmployeeLoaders } from './loaders';
import { createResolvers } from './resolvers';
import { employeeResponder } from './responders';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** Options of {@link createEmployees}. */
export interface EmployeesOptions {
  /** The clock whose local day says whether a last day has passed (tests pin it). */
  now?: () => Date;
}

/**
 * The HR master: employees, their reporting lines, who may read what of them, and the job
 * that ends employments after their last day.
 */
export function createEmployees(options: EmployeesOptions = {}): SubgraphModule<EmployeeLoaders> {
  const now = options.now ?? (() => new Date());
  return defineSubgraph<EmployeeLoaders>({
    name: 'employees',
    typeDefs,
    resolvers: createResolvers(now),
    entities,
    migrations,
    loaders: createLoaders,
    responders: [employeeResponder],
    jobs: [createEndEmploymentJob(now)],
    sealedColumns: { Employee: ['phoneSealed', 'salarySealed'] },
  });
}

export const employees = createEmployees();

export type { EmployeeLoaders };
export { END_EMPLOYMENT_JOB, createEndEmploymentJob, endDueEmployments } from './jobs';
