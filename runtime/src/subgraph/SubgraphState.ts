import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import type { SubgraphContext } from './SubgraphModule';
import { noWorkers, type SubgraphWorkers } from './SubgraphWorkers';

/** What a runtime holds while it runs: set by `startSubgraph`, cleared by `stopSubgraph`. */
export interface SubgraphState<L> {
  orm?: MikroORM;
  apollo?: ApolloServer<SubgraphContext<L>>;
  workers: SubgraphWorkers;
}

/** A runtime's state before its first start. */
export const notStarted = <L>(): SubgraphState<L> => ({ workers: noWorkers() });

/** The open database; throws when the runtime is not started. */
export function requireOrm<L>(state: SubgraphState<L>, subgraph: string): MikroORM {
  if (!state.orm) throw new Error(`Subgraph ${subgraph} is not started.`);
  return state.orm;
}
