import { createGatewayKeys } from '../../../test-support/gatewayKeys';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { createLocalIssuer } from '../../src/auth';
import { close, listen } from '../../src/http/createHttpServer';
import { createLogger } from '../../src/logger';
import { defineSubgraph } from '../../src/subgraph/SubgraphModule';
import { startSubgraph, type SubgraphHarness } from '../../../test-support/startSubgraph';
import { waitFor } from '../../../test-support/waitFor';

const ping = defineSubgraph({
  name: 'ping',
  typeDefs: parse('type Query { ping(note: String): String, broken: String }'),
  resolvers: {
    Query: {
      ping: () => 'pong',
      broken: () => {
        throw new TypeError('a bug in a resolver');
      },
    },
  },
  entities: [],
});

type Line = Record<string, any>;

// A subgraph reached over HTTP, as the gateway reaches it in distributed mode.
describe("a subgraph's access and error log over HTTP", () => {
  const lines: Line[] = [];
  let h: SubgraphHarness;
  let server: ReturnType<SubgraphHarness['runtime']['createHttpServer']>;
  let url: string;
  let token: string;
  const gateway = createGatewayKeys();

  beforeAll(async () => {
    h = await startSubgraph(ping, {
      logger: createLogger({
        level: 'info',
        destination: { write: (text: string) => void lines.push(JSON.parse(text)) },
      }),
    });
    server = h.runtime.createHttpServer({ gatewayAssertions: gateway.verifier });
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const issuer = createLocalIssuer({
      dataDir: h.db.dataDir,
      issuer: 'hr-platform-test',
      audience: 'hr-platform-test',
    });
    token = await issuer.issue({ role: 'EMPLOYEE', sub: 'e-1' });
  });
  afterAll(async () => {
    await close(server);
    await h.stop();
  });

  const post = async (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(await gateway.headers()),
        ...headers,
      },
      body: JSON.stringify(body),
    });
  const lineOf = (requestId: string) =>
    waitFor(async () =>
      lines.find((line) => line.msg === 'access' && line.requestId === requestId),
    );

  it('writes one line per request with its HTTP status, and none of its variables', async () => {
    const response = await post(
      { query: 'query Ping($note: String) { ping(note: $note) }', variables: { note: 'Dear Ada' } },
      { 'x-request-id': 'r-ok', 'x-correlation-id': 'c-ok' },
    );
    expect(response.status).toBe(200);
    expect(await lineOf('r-ok')).toMatchObject({
      level: 30,
      service: 'ping',
      requestId: 'r-ok',
      correlationId: 'c-ok',
      userId: 'e-1',
      operation: 'Ping',
      operationType: 'query',
      method: 'POST',
      path: '/graphql',
      status: 200,
      duration_ms: expect.any(Number),
    });
    expect(lines.filter((line) => line.requestId === 'r-ok')).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('Dear Ada');
  });

  it("logs a resolver's fault once with its stack, while the client sees INTERNAL only", async () => {
    const response = await post({ query: '{ broken }' }, { 'x-request-id': 'r-bug' });
    expect(await response.json()).toEqual({
      data: { broken: null },
      errors: [
        {
          message: 'Internal error.',
          locations: [{ line: 1, column: 3 }],
          path: ['broken'],
          extensions: { code: 'INTERNAL' },
        },
      ],
    });
    expect(await lineOf('r-bug')).toMatchObject({ level: 40, status: 200, errors: ['INTERNAL'] });
    expect(lines.filter((line) => line.level >= 50)).toEqual([
      expect.objectContaining({
        service: 'ping',
        msg: 'unexpected error',
        requestId: 'r-bug',
        path: ['broken'],
        err: expect.objectContaining({
          type: 'TypeError',
          stack: expect.stringMatching(/a bug in a resolver\n\s+at /),
        }),
      }),
    ]);
  });

  it('logs a refused request below error level', async () => {
    const response = await post({ query: '{ ping }' }, { authorization: 'Bearer nonsense' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const refused = await waitFor(async () =>
      lines.find((line) => line.msg === 'access' && line.status === response.status),
    );
    expect(refused.level).toBeLessThan(50);
    expect(lines.filter((line) => line.level >= 50)).toHaveLength(1);
  });

  it('writes the line itself for a call made in-process, with ok or the error code as status', async () => {
    await h.runtime.execute(
      { query: '{ ping }' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'r-in' },
    );
    expect(await lineOf('r-in')).toMatchObject({ status: 'ok', userId: 'e-1' });
  });
});
