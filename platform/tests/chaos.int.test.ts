import type { FaultRow } from '../../test-support/chaos/runChaos';
import { expectNothingLost, runShortChaos } from '../../test-support/chaos/shortChaos';
import { describeOnPostgres } from '../../test-support/onPostgres';

// The short fault suite (`npm run chaos` is the full one; docs/faults.md). It runs its own
// PostgreSQL cluster and nats-server, so restarting them disturbs no other suite. It is about
// PostgreSQL restarts and served processes, so the SQLite project has nothing to run here.
describeOnPostgres('faults under load: every event lands exactly once in effect', () => {
  let rows: FaultRow[];

  beforeAll(async () => {
    rows = await runShortChaos(['consumer-kill', 'relay-kill', 'postgres-restart']);
  }, 600_000);

  it.each(['consumer-kill', 'relay-kill', 'postgres-restart'])(
    'after %s, nothing written is lost, doubled or dead-lettered',
    (fault) => expectNothingLost(rows.find((r) => r.fault === fault)!),
  );
});
