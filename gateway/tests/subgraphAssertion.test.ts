import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayKeys } from '../../test-support/gatewayKeys';
import { startFixture, type Fixture, type Mode } from './support/twoSubgraphs';

const CROSSING = '{ users { id name reviews { body author { name } } } }';

describe('the gateway assertion sent to subgraphs', () => {
  const keys = createGatewayKeys();
  const fixtures: Fixture[] = [];
  const start = async (mode: Mode, withAssertion: boolean) => {
    const fx = await startFixture(mode, withAssertion ? { subgraphAssertion: keys.signer } : {});
    fixtures.push(fx);
    return fx;
  };
  afterAll(() => Promise.all(fixtures.map((fx) => fx.stop())));

  const ask = async (fx: Fixture, query = CROSSING) => {
    const token = await fx.token('EMPLOYEE', 'u1');
    const response = await fx.post({ query }, { authorization: `Bearer ${token}` });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('goes with every call to an HTTP subgraph, signed once for many requests', async () => {
    const fx = await start('http', true);
    expect((await ask(fx)).status).toBe(200);
    expect((await ask(fx)).status).toBe(200);
    const assertions = fx.calls.map((call) => call.headers['x-gateway-assertion']);
    expect(new Set(fx.calls.map((call) => call.subgraph))).toEqual(new Set(['users', 'reviews']));
    expect(assertions.length).toBeGreaterThanOrEqual(4);
    expect(new Set(assertions).size).toBe(1);
    await expect(keys.verifier.verify(assertions[0])).resolves.toBeUndefined();
  });

  it('is not sent unless the gateway is given a key', async () => {
    const fx = await start('http', false);
    expect((await ask(fx)).status).toBe(200);
    expect(fx.calls.length).toBeGreaterThan(0);
    for (const call of fx.calls) expect(call.headers).not.toHaveProperty('x-gateway-assertion');
  });

  it('is not needed in process: nothing changes there', async () => {
    const fx = await start('in-process', true);
    expect((await ask(fx)).status).toBe(200);
    for (const call of fx.calls) expect(call.headers).not.toHaveProperty('x-gateway-assertion');
  });

  it('refused by a subgraph is a fault of the gateway, not FORBIDDEN for the client', async () => {
    const refusing = http.createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [
            {
              message: 'The gateway assertion is not valid.',
              extensions: { code: 'FORBIDDEN', reason: 'NOT_THE_GATEWAY' },
            },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = refusing.address() as AddressInfo;
      const fx = await startFixture('http', {
        subgraphAssertion: keys.signer,
        subgraphs: { users: { url: `http://127.0.0.1:${port}/graphql` } },
      });
      fixtures.push(fx);
      const { body } = await ask(fx, '{ users { id } }');
      expect(body.errors?.[0].extensions.code).toBe('INTERNAL');
      expect(JSON.stringify(body)).not.toMatch(/FORBIDDEN|assertion/);
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
