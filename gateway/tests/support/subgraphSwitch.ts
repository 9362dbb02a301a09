import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SubgraphEndpoint } from '../../src';

/**
 * What the switch does with a call: `pass` it on, `hold` it until released,
 * answer `503`, answer `401` as a subgraph refusing a call without a token, or
 * `reset` the connection once the request has arrived (over HTTP);
 * `reset-reused` resets only a call on a kept-alive connection, as a server
 * that just closed an idle one does.
 */
export type Behaviour = 'pass' | 'hold' | '503' | '401' | 'reset' | 'reset-reused';

/** Stands in front of one subgraph and decides what happens to each call. */
export interface SubgraphSwitch {
  behaviour: Behaviour;
  /** The operations of the calls that reached the switch, in order. */
  readonly received: string[];
  /** Calls held now. */
  readonly held: number;
  /** Lets the held calls through. */
  release(): void;
  /** The endpoint to give the gateway instead of `endpoint`. */
  wrap(endpoint: SubgraphEndpoint): Promise<SubgraphEndpoint>;
  close(): Promise<void>;
}

export function createSubgraphSwitch(behaviour: Behaviour = 'pass'): SubgraphSwitch {
  const received: string[] = [];
  let waiting: (() => void)[] = [];
  let server: http.Server | undefined;
  const hold = () => new Promise<void>((resolve) => waiting.push(resolve));

  const state: SubgraphSwitch = {
    behaviour,
    received,
    get held() {
      return waiting.length;
    },
    release() {
      const released = waiting;
      waiting = [];
      for (const resolve of released) resolve();
    },
    async wrap(endpoint) {
      if ('execute' in endpoint) {
        return {
          ...endpoint,
          execute: async (request, headers) => {
            received.push(request.query);
            if (state.behaviour === 'hold') await hold();
            return endpoint.execute(request, headers);
          },
        };
      }
      server = await serveInFront(endpoint.url);
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
    },
    async close() {
      state.release();
      if (!server) return;
      server.closeAllConnections();
      await new Promise((resolve) => server!.close(resolve));
    },
  };

  async function serveInFront(target: string): Promise<http.Server> {
    const served = new WeakMap<Socket, number>();
    const front = http.createServer(async (req, res) => {
      const nth = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, nth);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      received.push(String((JSON.parse(body) as { query?: string }).query));
      const now = state.behaviour;
      if (now === 'reset' || (now === 'reset-reused' && nth > 1)) return req.socket.destroy();
      if (now === '503') {
        res.writeHead(503, { 'content-type': 'text/plain' });
        return res.end('Service Unavailable');
      }
      if (now === '401') {
        res.writeHead(401, { 'content-type': 'application/json' });
        const error = {
          message: 'A bearer token is required.',
          extensions: { code: 'UNAUTHENTICATED' },
        };
        return res.end(JSON.stringify({ errors: [error] }));
      }
      if (now === 'hold') await hold();
      // The caller gave up (its deadline passed) while the call was held.
      if (res.destroyed) return;
      const answer = await fetch(target, {
        method: 'POST',
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            (entry): entry is [string, string] =>
              typeof entry[1] === 'string' && !['host', 'content-length'].includes(entry[0]),
          ),
        ),
        body,
      }).catch(() => undefined);
      if (!answer) return void req.socket.destroy();
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(await answer.text());
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    return front;
  }

  return state;
}
