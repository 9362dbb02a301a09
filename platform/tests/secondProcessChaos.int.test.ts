import { startAllInOneChaosPlatform } from '../../test-support/chaos/allInOneChaosPlatform';
import type { FaultRow } from '../../test-support/chaos/runChaos';
import { expectNothingLost, runShortChaos } from '../../test-support/chaos/shortChaos';
import { describeOnPostgres } from '../../test-support/onPostgres';

// All-in-one with accruals, billing and audit in its second process: that process is
// SIGKILLed under load, the platform starts it again, and every event still lands exactly
// once in effect. The counts read PostgreSQL, so the SQLite project has nothing to run here.
describeOnPostgres('all-in-one when its second process dies under load', () => {
  let row: FaultRow;

  beforeAll(async () => {
    // Kills the second process, which holds accruals, and waits for it to come back.
    const [consumerKill] = await runShortChaos(['consumer-kill'], () =>
      startAllInOneChaosPlatform(),
    );
    row = consumerKill!;
  }, 600_000);

  it('loses, doubles and dead-letters nothing', () => expectNothingLost(row));
});
