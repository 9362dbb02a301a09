import { parse } from 'graphql';
import { lazySubgraph } from '../src/subgraph/lazySubgraph';
import type { SubgraphModule } from '../src/subgraph/SubgraphModule';

describe('lazySubgraph', () => {
  it('builds the module once, on first use, and passes on every part of it', () => {
    let builds = 0;
    const responder = { subject: 'q', answer: async () => ({}) } as never;
    const built: SubgraphModule<unknown> = {
      name: 'lazy',
      typeDefs: parse('type Query { a: Int }'),
      resolvers: {},
      entities: [],
      responders: [responder],
      jobs: [],
      issuesTokens: true,
    };
    const lazy = lazySubgraph('lazy', () => {
      builds += 1;
      return built;
    });
    expect(builds).toBe(0);
    expect(lazy.name).toBe('lazy');
    expect(builds).toBe(0);
    expect(lazy.responders).toEqual([responder]);
    expect(lazy.typeDefs).toBe(built.typeDefs);
    expect(lazy.issuesTokens).toBe(true);
    expect(lazy.routes).toBeUndefined();
    expect(builds).toBe(1);
  });
});
