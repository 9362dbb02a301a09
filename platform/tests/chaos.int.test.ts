import {
  lossesOf,
  NOTHING_LOST,
  renderTable,
  runChaos,
  type FaultRow,
} from '../../test-support/chaos/runChaos';

// The short fault suite (`npm run chaos` is the full one; docs/faults.md). It runs its own
// PostgreSQL cluster and nats-server, so restarting them disturbs no other suite. It is about
// PostgreSQL restarts and served processes, so the SQLite project has nothing to run here.
const onPostgres = process.env.TEST_DB === 'postgres';
const describeOnPostgres = onPostgres ? describe : describe.skip;

describeOnPostgres('faults under load: every event lands exactly once in effect', () => {
  let rows: FaultRow[];

  beforeAll(async () => {
    rows = await runChaos({
      eventsPerFault: 150,
      staff: 3,
      // The consumers the faults strike and the counts read; the others add only start-up time.
      subgraphs: ['employees', 'agreements', 'time', 'accruals', 'billing', 'audit'],
      faults: ['consumer-kill', 'relay-kill', 'postgres-restart'],
      catchUpTimeoutMs: 240_000,
    });
    console.log(renderTable(rows));
  }, 600_000);

  it.each(['consumer-kill', 'relay-kill', 'postgres-restart'])(
    'after %s, nothing written is lost, doubled or dead-lettered',
    (fault) => {
      const row = rows.find((r) => r.fault === fault)!;
      expect(row.written).toBeGreaterThanOrEqual(150);
      expect(lossesOf(row)).toEqual(NOTHING_LOST);
    },
  );
});
