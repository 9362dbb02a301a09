import { closeNats, connectNats, createNamespace } from '../../messaging';
import { createAccruals } from '../../subgraphs/accruals/src';
import { TEST_NATS_URL } from '../../test-support/createTestPlatform';
import { startSubgraph } from '../../test-support/startSubgraph';

/**
 * One replica of accruals for `npm run bench:replicas`, in a process of its own: it consumes
 * the namespace NAMESPACE into the PostgreSQL database DATABASE_URL (its schema made
 * already) until its parent sends "stop". It says "ready" once its consumer runs.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  process.env.TEST_DB = 'postgres';
  const nats = await connectNats({ servers: TEST_NATS_URL, name: 'bench-accruals-replica' });
  const db = {
    dataDir: process.env.DATA_DIR!,
    url,
    target: (schema: string) => ({ kind: 'postgres' as const, url, schema }),
    drop: async () => undefined,
  };
  const namespace = createNamespace(process.env.NAMESPACE!);
  const accruals = await startSubgraph(createAccruals(), {
    db,
    messaging: { nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace },
  });
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void accruals
      .stop()
      .then(() => closeNats(nats.nc))
      .then(() => process.exit(0));
  });
  process.send!('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
