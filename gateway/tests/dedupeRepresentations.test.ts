import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../src/context/GatewayContext';
import { dedupeRepresentations } from '../src/subgraphs/dedupeRepresentations';

type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

const QUERY =
  'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{name}}}';
const product = (upc: string) => ({ __typename: 'Product', upc });

/** A subgraph that names each product it is asked for, and records what it was sent. */
function fakeSubgraph(answer?: (representations: { upc: string }[]) => Response) {
  const sent: { upc: string }[][] = [];
  const source: GraphQLDataSource<GatewayContext> = {
    async process(options) {
      const representations = options.request.variables!.representations as { upc: string }[];
      sent.push(representations);
      if (answer) return answer(representations);
      return { data: { _entities: representations.map(({ upc }) => ({ name: `p${upc}` })) } };
    },
  };
  return { source, sent };
}

const ask = (source: GraphQLDataSource<GatewayContext>, representations: unknown[]) =>
  source.process({
    request: { query: QUERY, variables: { representations } },
    context: { identity: null, requestId: 'r', correlationId: 'c' },
  } as unknown as Options);

describe('dedupeRepresentations', () => {
  it('sends each distinct entity once and answers every representation in its order', async () => {
    const { source, sent } = fakeSubgraph();
    const response = await ask(dedupeRepresentations(source), [
      product('1'),
      product('2'),
      product('1'),
      product('1'),
    ]);
    expect(sent).toEqual([[product('1'), product('2')]]);
    const entities = response.data!._entities as object[];
    expect(entities).toEqual([{ name: 'p1' }, { name: 'p2' }, { name: 'p1' }, { name: 'p1' }]);
    // Apollo merges into each entity it receives: no two positions may share an object.
    expect(new Set(entities).size).toBe(4);
  });

  it('passes a fetch without repeats, or without representations, as it is', async () => {
    const { source, sent } = fakeSubgraph();
    await ask(dedupeRepresentations(source), [product('1'), product('2')]);
    const options = {
      request: { query: '{ topProducts { name } }' },
      context: {},
    } as unknown as Options;
    const plain: GraphQLDataSource<GatewayContext> = { process: async () => ({ data: { a: 1 } }) };
    expect(await dedupeRepresentations(plain).process(options)).toEqual({ data: { a: 1 } });
    expect(sent).toEqual([[product('1'), product('2')]]);
  });

  it('gives an error at an entity to every place that asked for it', async () => {
    const cause = new Error('down');
    // Sent [p2, p1]: index 0 of what the subgraph was sent is p2.
    const { source, sent } = fakeSubgraph((representations) => ({
      data: { _entities: representations.map(({ upc }) => (upc === '2' ? null : { name: upc })) },
      errors: [
        { message: 'no p2', path: ['_entities', 0, 'name'], extensions: { code: 'X' } },
        new GraphQLError('whole', { originalError: cause }),
        new GraphQLError('gone', { path: ['_entities', 0], originalError: cause }),
      ],
    }));
    const response = await ask(dedupeRepresentations(source), [
      product('2'),
      product('1'),
      product('2'),
    ]);
    expect(sent).toEqual([[product('2'), product('1')]]);
    expect(response.data!._entities).toEqual([null, { name: '1' }, null]);
    const errors = response.errors!;
    expect(errors.map((error) => [error.message, error.path])).toEqual([
      ['no p2', ['_entities', 0, 'name']],
      ['no p2', ['_entities', 2, 'name']],
      ['whole', undefined],
      ['gone', ['_entities', 0]],
      ['gone', ['_entities', 2]],
    ]);
    expect(errors[0]!.extensions).toEqual({ code: 'X' });
    expect(errors[3]).toBeInstanceOf(GraphQLError);
    expect((errors[4] as GraphQLError).originalError).toBe(cause);
  });
});
