import type { SubgraphModule } from './SubgraphModule';

/**
 * A module built on first use rather than where it is imported. A module whose shape
 * depends on its settings (whether it has jobs, say) reads them when the runtime starts it:
 * `checkSettings` runs first, so a bad value stops that start with its variable's name,
 * and a process that never serves the module never reads them.
 */
export function lazySubgraph<L>(name: string, build: () => SubgraphModule<L>): SubgraphModule<L> {
  let built: SubgraphModule<L> | undefined;
  const module = () => (built ??= build());
  return {
    name,
    get typeDefs() {
      return module().typeDefs;
    },
    get resolvers() {
      return module().resolvers;
    },
    get entities() {
      return module().entities;
    },
    get loaders() {
      return module().loaders;
    },
    get eventHandlers() {
      return module().eventHandlers;
    },
    get jobs() {
      return module().jobs;
    },
    get deadLetterHandlers() {
      return module().deadLetterHandlers;
    },
    get routes() {
      return module().routes;
    },
    get publicRoutes() {
      return module().publicRoutes;
    },
    get issuesTokens() {
      return module().issuesTokens;
    },
    get onStart() {
      return module().onStart;
    },
    checkSettings(logger) {
      module().checkSettings?.(logger);
    },
  };
}
