import type { SubgraphModule } from './SubgraphModule';

type Delegated = Exclude<keyof SubgraphModule, 'name' | 'checkSettings'>;

/** Every part a lazy module reads from the built one; the type makes a new part join the list. */
const DELEGATED: Record<Delegated, true> = {
  typeDefs: true,
  resolvers: true,
  entities: true,
  migrations: true,
  loaders: true,
  eventHandlers: true,
  jobs: true,
  deadLetterHandlers: true,
  responders: true,
  routes: true,
  publicRoutes: true,
  issuesTokens: true,
  sealedColumns: true,
  onStart: true,
};

/**
 * A module built on first use rather than where it is imported. A module whose shape
 * depends on its settings (whether it has jobs, say) reads them when the runtime starts it:
 * `checkSettings` runs first, so a bad value stops that start with its variable's name,
 * and a process that never serves the module never reads them.
 */
export function lazySubgraph<L>(name: string, build: () => SubgraphModule<L>): SubgraphModule<L> {
  let built: SubgraphModule<L> | undefined;
  const module = () => (built ??= build());
  const lazy = {
    name,
    checkSettings(logger) {
      module().checkSettings?.(logger);
    },
  } as SubgraphModule<L>;
  for (const key of Object.keys(DELEGATED) as Delegated[])
    Object.defineProperty(lazy, key, { enumerable: true, get: () => module()[key] });
  return lazy;
}
