import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createLogger } from '../../runtime';
import { createGateway, type Gateway, type SubgraphEndpoint } from '../src';

/** The public benchmark workload (The Guild's), as the project's shared bench keeps it. */
const WORKLOAD = path.resolve(__dirname, '../../../shared/bench/fed-workload');
const SUPERGRAPH = path.join(WORKLOAD, 'supergraph.graphql');
const root = path.resolve(__dirname, '../..');
const hasWorkload = fs.existsSync(SUPERGRAPH);

const user = { id: '1', name: 'Uri', username: 'urigo' };
const product = { upc: '1', name: 'Table', price: 899, weight: 100 };
const review = { id: '1', body: 'Love it!', productUpc: '1' };

/** Small stand-ins for the workload's resolvers: enough data for every fetch of the plan. */
const resolvers: Record<string, object> = {
  accounts: {
    Query: { me: () => user, user: () => user, users: () => [user] },
    User: { __resolveReference: () => user },
  },
  inventory: {
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc, inStock: true }),
      shippingEstimate: () => null,
    },
  },
  products: {
    Query: { topProducts: () => [product] },
    Product: { __resolveReference: () => product },
  },
  reviews: {
    Review: {
      __resolveReference: () => review,
      product: (r: typeof review) => ({ upc: r.productUpc }),
      author: () => ({ id: '1', username: 'urigo' }),
    },
    User: { __resolveReference: ({ id }: { id: string }) => ({ id }), reviews: () => [review] },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: () => [review],
    },
  },
};

(hasWorkload ? describe : describe.skip)('the fed-workload benchmark supergraph', () => {
  let gateway: Gateway;
  let url: string;
  const called = new Set<string>();

  beforeAll(async () => {
    const subgraphs: Record<string, SubgraphEndpoint> = {};
    for (const name of Object.keys(resolvers)) {
      const typeDefs = parse(
        fs.readFileSync(path.join(WORKLOAD, 'subgraphs', `${name}.graphql`), 'utf8'),
      );
      const apollo = new ApolloServer({
        schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers[name] as never }),
        plugins: [ApolloServerPluginInlineTraceDisabled()],
      });
      await apollo.start();
      subgraphs[name] = {
        execute: async (request) => {
          called.add(name);
          const response = await apollo.executeOperation(request);
          if (response.body.kind !== 'single') throw new Error('incremental delivery');
          return response.body.singleResult;
        },
      };
    }
    gateway = createGateway({
      supergraphSdl: fs.readFileSync(SUPERGRAPH, 'utf8'),
      subgraphs,
      auth: 'off',
      // The workload nests four unbounded lists; 10 items assumed for each exceeds the default.
      limits: { maxCost: 200_000 },
      logger: createLogger({ level: 'silent' }),
    });
    url = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/graphql`;
  });
  afterAll(() => gateway.stop());

  const post = async (query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers the harness readiness probe', async () => {
    expect(await post('{__typename}')).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' } },
    });
  });

  it('runs the benchmark query through all four subgraphs', async () => {
    const query = fs.readFileSync(path.join(WORKLOAD, 'query.graphql'), 'utf8');
    const { status, body } = await post(query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const data = body.data as { users: { reviews: { product: { inStock: boolean } }[] }[] };
    expect(data.users[0].reviews[0].product.inStock).toBe(true);
    expect([...called].sort()).toEqual(['accounts', 'inventory', 'products', 'reviews']);
  });
});

(hasWorkload ? describe : describe.skip)('serveSupergraph (the benchmark entry)', () => {
  const start = (env: Record<string, string>) =>
    spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'gateway/src/serveSupergraph.ts')],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );

  const output = (child: ChildProcess) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    return () => text;
  };

  it('serves the supergraph with auth off', async () => {
    const child = start({ SUPERGRAPH, GATEWAY_AUTH: 'off', GATEWAY_MAX_COST: '200000' });
    const text = output(child);
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${text()}`)));
        child.stdout?.on('data', () => {
          const match = /"port":(\d+)[^\n]*gateway listening/.exec(text());
          if (match) resolve(Number(match[1]));
        });
      });
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{__typename}' }),
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses to start without a JWKS unless auth is off explicitly', async () => {
    const child = start({ SUPERGRAPH });
    const text = output(child);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(text()).toMatch(/JWKS_URL is required unless GATEWAY_AUTH=off/);
  });

  it('names a bad limit variable', async () => {
    const child = start({ SUPERGRAPH, GATEWAY_AUTH: 'off', GATEWAY_MAX_COST: 'lots' });
    const text = output(child);
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    expect(text()).toMatch(/GATEWAY_MAX_COST: must be a positive integer/);
  });
});
