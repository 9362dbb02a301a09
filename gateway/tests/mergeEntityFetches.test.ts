import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { parse } from 'graphql';
import type { GatewayContext } from '../src/context/GatewayContext';
import { mergeEntityFetches } from '../src/subgraphs/mergeEntityFetches';

type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

const NAMES =
  'query Q__products__1($representations:[_Any!]!){_entities(representations:$representations){...on Product{name}}}';
const PRICES =
  'query Q__products__2($representations:[_Any!]!){_entities(representations:$representations){...P}} fragment P on Product{price}';

/** A subgraph that records what it is sent and answers with `answer`. */
function fakeSubgraph(answer: (options: Options) => Promise<Response>) {
  const sent: Options[] = [];
  const source: GraphQLDataSource<GatewayContext> = {
    process: (options) => {
      sent.push(options);
      return answer(options);
    },
  };
  return { source, sent };
}

const fetchOf = (request: object, query: string, representations: unknown[]): Options =>
  ({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query, variables: { representations } },
    document: parse(query),
    incomingRequestContext: request,
    context: { identity: null, requestId: 'r', correlationId: 'c' },
  }) as unknown as Options;

const product = { __typename: 'Product', upc: '1' };

describe('mergeEntityFetches', () => {
  it("sends one request's entity fetches that start together as one operation, and splits the answer", async () => {
    const { source, sent } = fakeSubgraph(async () => ({
      data: { e0: [{ name: 'Table' }], e1: [{ price: 899 }] },
      errors: [{ message: 'no weight', path: ['e1', 0, 'price'] }],
    }));
    const merged = mergeEntityFetches(source);
    const request = {};
    const [names, prices] = await Promise.all([
      merged.process(fetchOf(request, NAMES, [product])),
      merged.process(fetchOf(request, PRICES, [product])),
    ]);
    expect(sent).toHaveLength(1);
    const { query, variables } = sent[0]!.request;
    expect(variables).toEqual({ r0: [product], r1: [product] });
    // The merged text is valid GraphQL, with each fetch's fragments named apart.
    expect(() => parse(query!)).not.toThrow();
    expect(query).toContain('e0: _entities(representations: $r0)');
    expect(query).toContain('e1: _entities(representations: $r1)');
    expect(query).toContain('fragment f1_P on Product');
    expect(names).toEqual({ data: { _entities: [{ name: 'Table' }] }, errors: undefined });
    expect(prices.data).toEqual({ _entities: [{ price: 899 }] });
    expect(prices.errors).toEqual([{ message: 'no weight', path: ['_entities', 0, 'price'] }]);
  });

  it('makes one operation text of the same fetches whatever order they start in', async () => {
    const { source, sent } = fakeSubgraph(async () => ({
      data: { e0: [{ name: 'Table' }], e1: [{ price: 899 }] },
    }));
    const merged = mergeEntityFetches(source);
    const first = {};
    const second = {};
    const [names] = await Promise.all([
      merged.process(fetchOf(first, NAMES, [product])),
      merged.process(fetchOf(first, PRICES, [product])),
    ]);
    const [prices, namesAgain] = await Promise.all([
      merged.process(fetchOf(second, PRICES, [product])),
      merged.process(fetchOf(second, NAMES, [product])),
    ]);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.request.query).toBe(sent[0]!.request.query);
    expect(names.data).toEqual({ _entities: [{ name: 'Table' }] });
    expect(namesAgain.data).toEqual({ _entities: [{ name: 'Table' }] });
    expect(prices.data).toEqual({ _entities: [{ price: 899 }] });
  });

  it('fails every merged fetch when the call fails, and tells each why when no data came', async () => {
    const down = new Error('down');
    const failing = mergeEntityFetches(fakeSubgraph(() => Promise.reject(down)).source);
    const request = {};
    const results = await Promise.allSettled([
      failing.process(fetchOf(request, NAMES, [product])),
      failing.process(fetchOf(request, PRICES, [product])),
    ]);
    expect(results).toEqual([
      { status: 'rejected', reason: down },
      { status: 'rejected', reason: down },
    ]);
    const refused = mergeEntityFetches(
      fakeSubgraph(async () => ({
        data: null,
        errors: [{ message: 'refused' }, { message: 'broken', path: ['e1'] }],
      })).source,
    );
    const [names] = await Promise.all([
      refused.process(fetchOf(request, NAMES, [product])),
      refused.process(fetchOf(request, PRICES, [product])),
    ]);
    expect(names.errors).toEqual([{ message: 'refused' }, { message: 'broken', path: undefined }]);
  });

  it('never merges fetches of different client requests, nor other operations', async () => {
    const { source, sent } = fakeSubgraph(async (options) =>
      options.request.query === '{ topProducts { name } }'
        ? { data: { topProducts: [] } }
        : { data: { _entities: [{ name: 'Table' }] } },
    );
    const merged = mergeEntityFetches(source);
    const plain = {
      ...fetchOf({}, '{ topProducts { name } }', []),
      request: { query: '{ topProducts { name } }' },
    } as Options;
    await Promise.all([
      merged.process(fetchOf({}, NAMES, [product])),
      merged.process(fetchOf({}, NAMES, [product])),
      merged.process(plain),
    ]);
    expect(sent).toHaveLength(3);
    expect(sent.map((options) => options.request.query)).toEqual([
      '{ topProducts { name } }',
      NAMES,
      NAMES,
    ]);
  });
});
