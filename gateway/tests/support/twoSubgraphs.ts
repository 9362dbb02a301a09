import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLFormattedError } from 'graphql';
import {
  badInput,
  close,
  createHttpServer,
  createLocalIssuer,
  createLogger,
  createTokenVerifier,
  DomainError,
  formatError,
  listen,
  type LocalIssuer,
} from '../../../runtime';
import { createGateway, type Gateway, type GatewayOptions, type SubgraphEndpoint } from '../../src';

/** One call a subgraph received, with the headers that came with it. */
export interface SubgraphCall {
  subgraph: string;
  headers: Record<string, string | undefined>;
  query: string;
}

interface SubgraphContext {
  headers: Record<string, string | undefined>;
}

const USERS = [
  { id: 'u1', name: 'Ada' },
  { id: 'u2', name: 'Grace' },
];
const REVIEWS = [
  { id: 'r1', body: 'Good', authorId: 'u1' },
  { id: 'r2', body: 'Fine', authorId: 'u1' },
  { id: 'r3', body: 'Great', authorId: 'u2' },
];

/** Holds `held` fields until the test lets them go, to keep operations running. */
export interface Gate {
  /** Resolves once `count` resolvers are waiting at the gate. */
  arrived(count: number): Promise<void>;
  /** How many have reached the gate so far. */
  count(): number;
  /** Lets every waiting and later resolver through. */
  open(): void;
}

function createGate(): Gate & { pass(): Promise<string> } {
  let count = 0;
  let open: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const watchers: { count: number; resolve(): void }[] = [];
  return {
    async pass() {
      count += 1;
      for (const watcher of watchers) if (count >= watcher.count) watcher.resolve();
      await opened;
      return 'passed';
    },
    arrived: (wanted) =>
      new Promise<void>((resolve) => {
        if (count >= wanted) resolve();
        else watchers.push({ count: wanted, resolve });
      }),
    count: () => count,
    open: () => open(),
  };
}

let gate: ReturnType<typeof createGate> | undefined;

/** The `sub` claim of a forwarded `Bearer <JWT>` header (the gateway verified it). */
function subjectOf(authorization: string | undefined): string | null {
  const payload = authorization?.split('.')[1];
  if (!payload) return null;
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub?: string }).sub ?? null;
}

/** A subgraph's SDL, linked to Federation 2 with `@key`. */
const federated = (sdl: string) =>
  parse(
    `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n${sdl}`,
  );

const users = {
  name: 'users',
  typeDefs: federated(`
    type Query {
      users: [User!]!
      "Fails as a database driver would, with SQL in the message."
      broken: String
      "Answers once the test opens the gate (see Fixture.hold), at once when none is set."
      held: String
      "The subject of the bearer token the subgraph was called with, once the gate opens."
      whoami: String
    }
    type User @key(fields: "id") {
      id: ID!
      name: String!
    }
  `),
  resolvers: {
    Query: {
      users: () => USERS,
      broken: () => {
        throw new Error('insert into "users" ("id", "salary") values ($1, $2) - duplicate key');
      },
      held: () => gate?.pass() ?? 'passed',
      whoami: async (_: unknown, __: unknown, { headers }: SubgraphContext) => {
        await gate?.pass();
        return subjectOf(headers.authorization);
      },
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => USERS.find((u) => u.id === id),
    },
  },
};

const reviews = {
  name: 'reviews',
  typeDefs: federated(`
    type Query {
      reviews: [Review!]!
      "Nullable, so an answer can still come without it."
      reviewCount: Int
    }
    type Mutation {
      addReview(input: AddReviewInput!): Review
    }
    input AddReviewInput {
      body: String!
    }
    type Review {
      id: ID!
      body: String!
      author: User!
    }
    type User @key(fields: "id") {
      id: ID!
      reviews: [Review!]!
    }
  `),
  resolvers: {
    Query: { reviews: () => REVIEWS, reviewCount: () => REVIEWS.length },
    Mutation: {
      addReview: () => {
        throw badInput('input.body', 'A review needs a body of at least 10 characters.');
      },
    },
    Review: { author: (review: { authorId: string }) => ({ id: review.authorId }) },
    User: {
      reviews: (user: { id: string }) => REVIEWS.filter((r) => r.authorId === user.id),
    },
  },
};

/**
 * Like a real subgraph for domain errors; everything else leaves unmasked, so
 * the tests show the gateway masking what a careless subgraph would leak.
 */
function subgraphFormatError(formatted: GraphQLFormattedError, error: unknown) {
  return unwrapResolverError(error) instanceof DomainError
    ? formatError(formatted, error)
    : formatted;
}

export type Mode = 'in-process' | 'http';

export interface Fixture {
  gateway: Gateway;
  url: string;
  base: string;
  calls: SubgraphCall[];
  issuer: LocalIssuer;
  dataDir: string;
  token(role: string, sub?: string, scopes?: string[]): Promise<string>;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A closed gate that `held` fields wait at until it is opened. */
  hold(): Gate;
  stop(): Promise<void>;
}

export interface FixtureSetup {
  /** Changes the endpoints the gateway is given, e.g. to put something in front of one. */
  endpoints?(
    endpoints: Record<string, SubgraphEndpoint>,
  ): Promise<Record<string, SubgraphEndpoint>> | Record<string, SubgraphEndpoint>;
}

/**
 * Two small subgraphs sharing the `User` entity, composed for real, served in
 * process or over HTTP, behind a gateway on a free port.
 */
export async function startFixture(
  mode: Mode,
  options: Partial<GatewayOptions> = {},
  setup: FixtureSetup = {},
): Promise<Fixture> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-test-'));
  const issuer = createLocalIssuer({ dataDir, issuer: 'test-issuer', audience: 'test-api' });
  const verifier = createTokenVerifier({
    issuer: 'test-issuer',
    audience: 'test-api',
    algorithms: ['ES256'],
    jwks: issuer.jwks(),
  });
  const calls: SubgraphCall[] = [];
  const servers: { name: string; apollo: ApolloServer<SubgraphContext> }[] = [];
  for (const definition of [users, reviews]) {
    const apollo = new ApolloServer<SubgraphContext>({
      schema: buildSubgraphSchema({
        typeDefs: definition.typeDefs,
        resolvers: definition.resolvers as never,
      }),
      formatError: subgraphFormatError,
      plugins: [
        ApolloServerPluginInlineTraceDisabled(),
        {
          async requestDidStart({ contextValue, request }) {
            calls.push({
              subgraph: definition.name,
              headers: contextValue.headers,
              query: request.query ?? '',
            });
          },
        },
      ],
    });
    await apollo.start();
    servers.push({ name: definition.name, apollo });
  }

  const endpoints: Record<string, SubgraphEndpoint> = {};
  const httpServers: http.Server[] = [];
  for (const { name, apollo } of servers) {
    if (mode === 'in-process') {
      endpoints[name] = {
        execute: async (request, headers) => {
          const response = await apollo.executeOperation(request, { contextValue: { headers } });
          if (response.body.kind !== 'single') throw new Error('incremental delivery');
          return response.body.singleResult;
        },
      };
    } else {
      const server = createHttpServer<SubgraphContext>({
        graphql: {
          server: apollo,
          context: async (_req, headers) => ({ headers: Object.fromEntries(headers) }),
        },
      });
      const port = await listen(server, 0, '127.0.0.1');
      httpServers.push(server);
      endpoints[name] = { url: `http://127.0.0.1:${port}/graphql` };
    }
  }

  const composed = composeServices(
    [users, reviews].map(({ name, typeDefs }) => ({
      name,
      typeDefs,
      url: `http://composed.invalid/${name}`,
    })),
  );
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

  const gateway = createGateway({
    supergraphSdl: composed.supergraphSdl,
    subgraphs: setup.endpoints ? await setup.endpoints(endpoints) : endpoints,
    verifier,
    logger: createLogger({ level: 'silent' }),
    metricsEndpoint: { open: true },
    ...options,
  });
  const port = await gateway.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}/graphql`;

  return {
    gateway,
    url,
    base,
    calls,
    issuer,
    dataDir,
    token: (role, sub, scopes) => issuer.issue({ role: role as never, sub, scopes }),
    post: (body, headers = {}) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    hold: () => (gate = createGate()),
    async stop() {
      gate?.open();
      gate = undefined;
      await gateway.stop();
      await Promise.all(httpServers.map((server) => close(server)));
      await Promise.all(servers.map(({ apollo }) => apollo.stop()));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
