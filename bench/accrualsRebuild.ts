import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import {
  createEvent,
  DEFAULT_NAMESPACE,
  InboxEntry,
  loadCatalogue,
  OutboxEntry,
  recordEvent,
  type CataloguedEvent,
  withEventBatch,
} from '../messaging';
import { openDatabase } from '../runtime';
import { accruals } from '../subgraphs/accruals/src';
import { entities } from '../subgraphs/accruals/src/entities';
import { createTestDatabase } from '../test-support/database';
import { databaseKnob } from './lib/databaseKnob';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:rebuild`: what accruals spends on the `agreements.agreement.created`
 * events a TAMS import publishes, one per new agreement (bench:import's rows: two targets,
 * no entries yet). AGREEMENTS events (2,000) go through the ledger handler's batch path in
 * transactions of BATCH (200, what its consumer pulls at once), as it applies a backlog.
 * Follow-up events are recorded as the consumer records them, together at the batch's
 * end; NATS and the inbox are left out. Prints agreements a second, CPU and SQL statements
 * per agreement, and the time 100,000 would take at that rate. DATABASE=postgres for a
 * fresh PostgreSQL database on TEST_PG_URL.
 */
const AGREEMENTS = Number(process.env.AGREEMENTS ?? 2000);
const BATCH = Number(process.env.BATCH ?? 200);
const catalogue = loadCatalogue();

function agreementCreated(): CataloguedEvent {
  const agreementId = uuidv7();
  const correlationId = uuidv7();
  const data = {
    ...{ agreementId, employeeId: uuidv7(), version: 1, effectiveFrom: '2025-04-01' },
    ...{ agreementType: 'AHA', startDate: '2025-04-01', endDate: '2026-03-31', fte: 1 },
    ...{ weeklyHours: 37.5, workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
    annualLeaveDays: 27,
    targets: [
      { accrualType: 'ANNUAL_TARGET_HOURS', total: 1950 },
      { accrualType: 'NIGHT_HOURS', total: 200 },
    ],
    ...{ openingBalances: [], correlationId },
  };
  const draft = { type: 'agreements.agreement.created', subject: agreementId, data };
  return catalogue.asCurrent(
    createEvent(draft, { source: '/subgraphs/agreements', correlationId }),
  ) as CataloguedEvent;
}

async function main(): Promise<void> {
  databaseKnob('sqlite');
  const db = await createTestDatabase();
  const orm = await openDatabase({
    target: db.target('accruals'),
    entities: [...entities, OutboxEntry, InboxEntry],
  });
  const ledger = accruals.eventHandlers!.find((handler) => handler.handleBatch)!;
  const events = Array.from({ length: AGREEMENTS }, agreementCreated);
  let statements = 0;
  (orm.em.getConnection() as AbstractSqlConnection).getKnex().on('query', () => statements++);
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let at = 0; at < events.length; at += BATCH) {
    await orm.em.fork().transactional((em) =>
      withEventBatch(em, () =>
        ledger.handleBatch!(events.slice(at, at + BATCH), {
          em,
          emit: (cause, draft) =>
            recordEvent(
              em,
              createEvent(draft, {
                source: '/subgraphs/accruals',
                correlationId: cause.correlationid,
              }),
              DEFAULT_NAMESPACE,
              catalogue,
            ),
        }),
      ),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const followUps = await orm.em.fork().count(OutboxEntry, {});
  console.log(
    JSON.stringify(
      {
        database: db.url ? 'postgresql' : 'sqlite',
        agreements: AGREEMENTS,
        batch: BATCH,
        agreementsPerSecond: Math.round(AGREEMENTS / seconds),
        cpuMsPerAgreement: Number(((used.user + used.system) / 1000 / AGREEMENTS).toFixed(2)),
        statementsPerAgreement: Number((statements / AGREEMENTS).toFixed(1)),
        followUpEventsPerAgreement: Number((followUps / AGREEMENTS).toFixed(1)),
        secondsFor100000: Math.round((100_000 * seconds) / AGREEMENTS),
      },
      null,
      2,
    ),
  );
  await orm.close();
  await db.drop();
}

runBench(main);
