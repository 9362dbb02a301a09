import fs from 'node:fs';
import path from 'node:path';
import type { Msg } from '@nats-io/nats-core';
import { v7 as uuidv7 } from 'uuid';
import { eventsStream, subjectFor } from '../../../messaging';
import { EMPLOYEE_QUESTION } from '../../../runtime';
import { ownerSubject } from '../../../runtime/testing';
import { createdData } from '../../../test-support/employeeEvents';
import { openTestStreams } from '../../../test-support/openTestStreams';
import { runScriptOk } from '../../../test-support/runScript';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { beforeAllValue } from '../../../test-support/beforeAllValue';
import { startAgreements } from './support';

const HEADER =
  'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,salary_basis,' +
  'weekly_hours,working_days,annual_leave_days,target_annual_target_hours';
const row = (number: string) =>
  `${number},AHA,2025-04-01,2026-03-31,1,MODERNISED,NATIONAL,37.5,MON|TUE|WED|THU|FRI,27,1950`;

/** The numbers employees was asked about. */
const asked: string[] = [];

// The database alone: no relay of the harness's own publishes what the command records.
const h = suiteHarness(() => startAgreements());
const streams = beforeAllValue(async () => {
  const opened = await openTestStreams('agreements-cli');
  // Employees, as the command asks it: it holds one person the copy has not heard of.
  const hired = createdData(uuidv7(), { employeeNumber: 'N0001' });
  opened.nats.nc.subscribe(ownerSubject(opened.namespace, EMPLOYEE_QUESTION), {
    callback: (_error: unknown, msg: Msg) => {
      const { employeeNumber } = msg.json<{ employeeNumber: string }>();
      asked.push(employeeNumber);
      const held = employeeNumber === 'N0001';
      msg.respond(JSON.stringify({ employee: held ? { ...hired, terminationDate: null } : null }));
    },
  });
  return opened;
});
afterAll(() => streams.close());

async function importOverNats(content: string) {
  const file = path.join(h.db.dataDir, 'tams-nats.csv');
  fs.writeFileSync(file, content);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: h.db.dataDir,
    LOG_LEVEL: 'silent',
    NATS_URL: process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
    NATS_NAMESPACE: streams.namespace.streamPrefix.slice(0, -1),
  };
  delete env.DATABASE_URL;
  if (h.db.url) env.DATABASE_URL = h.db.url;
  const { stdout } = await runScriptOk('bin/import-agreements.ts', [file], { env });
  return JSON.parse(stdout) as { created: number; rejected: number; correlationId: string };
}

it('asks employees about a number its copy lacks and publishes in the platform namespace', async () => {
  await h.knownEmployee('N0002');
  const report = await importOverNats(
    [HEADER, row('N0001'), row('N0002'), row('N0404')].join('\n'),
  );
  expect(report).toMatchObject({ created: 2, rejected: 1 });
  expect([...asked].sort()).toEqual(['N0001', 'N0404']);
  const subject = subjectFor('agreements.agreement.created', streams.namespace);
  const info = await streams.nats.jsm.streams.info(eventsStream(streams.namespace), {
    subjects_filter: subject,
  });
  expect(info.state.subjects).toEqual({ [subject]: 2 });
  const last = await streams.nats.jsm.streams.getMessage(eventsStream(streams.namespace), {
    last_by_subj: subject,
  });
  expect(last?.json<{ correlationid: string }>().correlationid).toBe(report.correlationId);
});
