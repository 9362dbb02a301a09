import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConsumerInfo } from '@nats-io/jetstream';
import {
  closeNats,
  connectNats,
  eventsStream,
  type RunningNatsServer,
  startNatsServer,
} from '../../messaging';
import { createTestPlatform, type TestPlatform } from '../../test-support/createTestPlatform';
import { personInput } from '../../test-support/seedOrganisation';
import { contractOperation } from '../../test-support/contractOperation';
import { waitFor } from '../../test-support/waitFor';

// Writes must not depend on NATS: the outbox keeps every event until NATS is
// back, and then each arrives exactly once.
describe('NATS down while employees are created', () => {
  let storeDir: string;
  let nats: RunningNatsServer;
  let tp: TestPlatform;

  beforeAll(async () => {
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-nats-'));
    nats = await startNatsServer({ storeDir });
    tp = await createTestPlatform({ natsUrl: nats.url });
  });

  afterAll(async () => {
    await tp.stop();
    await nats.stop();
    fs.rmSync(storeDir, { recursive: true, force: true });
  });

  /** One series of the gateway's /metrics, or undefined when it is not there. */
  const metric = async (series: string) => {
    const text = await (await fetch(tp.url.replace('/graphql', '/metrics'))).text();
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };
  // A probe that does not answer within its timeout (a busy CPU) leaves its series out of
  // that scrape; the next scrape has it.
  const metricValue = (series: string) => waitFor(() => metric(series), 60_000, 250);

  it('stores all 200 and the audit log gets exactly 200 created entries once NATS is back', async () => {
    await nats.stop();
    const create = contractOperation('CreateEmployee');
    for (let i = 0; i < 200; i++) {
      const result = await tp.graphql(
        create,
        { input: personInput('Outage', `Person${i}`) },
        { role: 'HR', sub: 'service:hr' },
      );
      expect(result.errors).toBeUndefined();
    }
    const stored = await tp.graphql(
      '{ employees(first: 1) { totalCount } }',
      {},
      { role: 'HR', sub: 'service:hr' },
    );
    expect(stored.data!.employees.totalCount).toBe(200);
    expect(await metricValue('hr_outbox_backlog{subgraph="employees"}')).toBe(200);

    nats = await startNatsServer({ storeDir, port: nats.port });
    const count = () =>
      tp
        .graphql(
          'query($f: AuditLogFilter) { auditLogs(filter: $f, first: 1) { totalCount } }',
          { f: { logType: 'employees.employee.created' } },
          { role: 'AUDITOR', sub: 'service:auditor' },
        )
        .then((r) => r.data?.auditLogs.totalCount as number | undefined);
    // Every subgraph of the process catches up at once, on a CPU shared with other suites:
    // the bound is for a catch-up that never ends, not a slow one.
    await waitFor(async () => ((await count()) === 200 ? true : undefined), 420_000, 250);
    // Let any duplicate delivery land before the final count.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await count()).toBe(200);
    expect(await metricValue('hr_outbox_backlog{subgraph="employees"}')).toBe(0);
    // Other subgraphs' events of the outage (follow-ups, the scheduler's) may still be on
    // their way; nothing may stay behind. Read from JetStream itself: the gauge's probe may
    // miss its timeout on a busy CPU. A pull cut short leaves what it had in flight to be
    // redelivered after ack_wait (30 s), so the bound is a few of those.
    const checker = await connectNats({ servers: nats.url, name: 'outage-check' });
    let last: ConsumerInfo | undefined;
    try {
      const settled = await waitFor(
        async () => {
          last = await checker.jsm.consumers.info(eventsStream(tp.namespace), 'audit_audit_log');
          return last.num_pending + last.num_ack_pending === 0 ? true : undefined;
        },
        120_000,
        250,
      ).catch(() => false);
      expect({ settled, last }).toMatchObject({ settled: true });
    } finally {
      await closeNats(checker.nc);
    }
  }, 600_000);
});
