import { JetStreamApiError } from '@nats-io/jetstream';
import {
  connectNats,
  ensureStreams,
  eventsStream,
  isClusterForming,
  MessagingConfigError,
  whileClusterForms,
  type NatsClients,
} from '..';
import { createTestNamespace, freePort } from '../testing';
import { startNatsServer, type NatsServerProcess } from './support/natsServer';

/** Three JetStream servers that route to each other, started one by one. */
async function clusterOfThree() {
  const clientPorts = [await freePort(), await freePort(), await freePort()];
  const routePorts = [await freePort(), await freePort(), await freePort()];
  const routes = routePorts.map((p) => `nats-route://127.0.0.1:${p}`).join(', ');
  const configOf = (i: number) => `
server_name: forming${i}
cluster { name: forming, listen: 127.0.0.1:${routePorts[i]}, routes: [${routes}] }
`;
  const servers: NatsServerProcess[] = [];
  return {
    url: `127.0.0.1:${clientPorts[0]}`,
    start: async (i: number) => {
      servers.push(await startNatsServer(configOf(i), clientPorts[i]));
    },
    destroy: () => Promise.all(servers.map((s) => s.destroy())),
  };
}

const formingError = (code: number) =>
  new JetStreamApiError({ code: 503, err_code: code, description: 'forming' });

/** Work that always refuses with `refusal`, counting how often it was asked. */
function refusingWork(refusal: Error) {
  const work = Object.assign(
    () => {
      work.calls++;
      return Promise.reject(refusal);
    },
    { calls: 0 },
  );
  return work;
}

describe('whileClusterForms', () => {
  it('asks again while the cluster forms, and returns what the work gives once it has formed', async () => {
    let calls = 0;
    const work = () => {
      calls++;
      return calls < 3 ? Promise.reject(formingError(10008)) : Promise.resolve('formed');
    };
    await expect(whileClusterForms(work, { pauseMs: 10 })).resolves.toBe('formed');
    expect(calls).toBe(3);
  });

  it('gives the last answer up once the wait is over', async () => {
    const refusal = formingError(10005);
    const work = refusingWork(refusal);
    // A wait of nothing is over before the first answer comes, whatever the machine's speed.
    await expect(whileClusterForms(work, { waitMs: 0, pauseMs: 10 })).rejects.toBe(refusal);
    expect(work.calls).toBe(1);
  });

  it('does not ask again on any other refusal', async () => {
    const refusal = formingError(10058);
    const work = refusingWork(refusal);
    await expect(whileClusterForms(work, { pauseMs: 10 })).rejects.toBe(refusal);
    expect(work.calls).toBe(1);
  });

  describe('a cluster whose servers start one after another', () => {
    let cluster: Awaited<ReturnType<typeof clusterOfThree>>;
    let nats: NatsClients | undefined;

    beforeAll(async () => {
      cluster = await clusterOfThree();
      await cluster.start(0);
    });
    afterAll(async () => {
      await nats?.nc.close();
      await cluster?.destroy();
    });

    it('is waited for: the client connects and the streams get three replicas once all have joined', async () => {
      const ns = createTestNamespace();
      const refusals: unknown[] = [];
      const joining: Promise<void>[] = [];
      // A server that cannot start (its port taken meanwhile) fails the test at once, with its
      // reason, instead of leaving the client to wait out the cluster that never forms.
      let joinFailed: (error: unknown) => void = () => undefined;
      const joinFailure = new Promise<never>((_, reject) => (joinFailed = reject));
      joinFailure.catch(() => undefined);
      const clusterForming = {
        waitMs: 120_000,
        pauseMs: 250,
        onRetry: (error: unknown) => {
          refusals.push(error);
          // The rest of the cluster starts only once the lone server has refused.
          if (refusals.length === 1)
            joining.push(
              cluster
                .start(1)
                .then(() => cluster.start(2))
                .catch(joinFailed),
            );
        },
      };
      nats = await Promise.race([
        connectNats({
          servers: cluster.url,
          name: 'forming-test',
          timeoutMs: 1000,
          clusterForming,
        }),
        joinFailure,
      ]);
      await Promise.race([
        ensureStreams(nats.jsm, ns, { replicas: 3, clusterForming }),
        joinFailure,
      ]);
      await Promise.all(joining);
      expect(refusals.length).toBeGreaterThan(0);
      expect(refusals.every(isClusterForming)).toBe(true);
      const info = await nats.jsm.streams.info(eventsStream(ns));
      expect(info.config.num_replicas).toBe(3);
      expect(info.cluster?.replicas).toHaveLength(2);
      // The wait is the product's own (`waitMs`): on a busy machine a cluster can take over a
      // minute to accept three replicas, and Jest's clock must not end the test before it.
    }, 200_000);

    it('still says which stream NATS refused when the cluster cannot keep the replicas', async () => {
      const error = await ensureStreams(nats!.jsm, createTestNamespace(), {
        replicas: 5,
        clusterForming: { waitMs: 500, pauseMs: 250 },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MessagingConfigError);
      expect((error as Error).message).toMatch(/with 5 replica\(s\)/);
    });
  });
});
