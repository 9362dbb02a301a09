import { v7 as uuidv7 } from 'uuid';
import { plannerRows } from '../../../test-support/plannerRows';
import { asHandled } from '../../../test-support/startSubgraph';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { itOnPostgres } from '../../../test-support/onPostgres';
import { createLedgerHandler } from '../src/handlers';
import { EmployeeCopySchema } from '../src/entities';
import { employeeCreated, startAccruals } from './support';

describe('accruals: the ledger keeps the statistics of the tables a catch-up grows', () => {
  const h = suiteHarness(startAccruals);

  itOnPostgres('analyzes once 500 events are applied, not before', async () => {
    const handler = createLedgerHandler(() => new Date());
    const batch = () => Array.from({ length: 200 }, () => asHandled(employeeCreated(uuidv7())));
    const apply = () =>
      h.transaction((em) => handler.handleBatch!(batch() as never, { em, emit: () => undefined }));
    await apply();
    await apply();
    const em = h.runtime.orm.em.fork();
    expect(await plannerRows(em, EmployeeCopySchema.meta.className)).toBeLessThan(1); // 400 applied: never analyzed
    await apply();
    expect(await plannerRows(em, EmployeeCopySchema.meta.className)).toBe(600);
  });
});
