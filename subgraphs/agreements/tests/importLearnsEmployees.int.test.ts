import type { Msg } from '@nats-io/nats-core';
import { v7 as uuidv7 } from 'uuid';
import { EMPLOYEE_QUESTION } from '../../../runtime';
import { ownerSubject } from '../../../runtime/testing';
import { createdData } from '../../../test-support/employeeEvents';
import { openTestStreams, type TestStreams } from '../../../test-support/openTestStreams';
import { KnownEmployeeSchema } from '../src/entities';
import { startAgreements, type AgreementsHarness } from './support';

const IMPORT = `mutation I($input: ImportAgreementsInput!) {
  importAgreements(input: $input) { created rejected errors { row column message } }
}`;
const HEADER =
  'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,salary_basis,' +
  'weekly_hours,working_days,annual_leave_days,target_annual_target_hours';
const row = (number: string, start = '2025-04-01', end = '2026-03-31') =>
  `${number},AHA,${start},${end},1,MODERNISED,NATIONAL,37.5,MON|TUE|WED|THU|FRI,27,1950`;

let streams: TestStreams;
let h: AgreementsHarness;
/** What the stand-in for employees holds, by number, and the numbers it was asked about. */
const holders = new Map<string, ReturnType<typeof createdData>>();
const asked: string[] = [];

beforeAll(async () => {
  streams = await openTestStreams('agreements-learn');
  const { nats, namespace } = streams;
  h = await startAgreements({ nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace });
  nats.nc.subscribe(ownerSubject(namespace, EMPLOYEE_QUESTION), {
    callback: (_error: unknown, msg: Msg) => {
      const { employeeNumber } = msg.json<{ employeeNumber: string }>();
      asked.push(employeeNumber);
      const holder = holders.get(employeeNumber);
      msg.respond(
        JSON.stringify({ employee: holder ? { ...holder, terminationDate: null } : null }),
      );
    },
  });
});
afterAll(async () => {
  await h.stop();
  await streams.close();
});

it('asks employees about numbers its copy lacks, once each, and imports their rows', async () => {
  // Hired a moment ago: employees has them, the copy has not heard yet.
  const id = uuidv7();
  holders.set('L0001', createdData(id, { employeeNumber: 'L0001' }));
  const known = await h.knownEmployee('L0002');
  const content = [
    HEADER,
    row('L0001'),
    row('L0002'),
    row('L0404'),
    row('L0404', '2026-04-01', '2027-03-31'),
  ].join('\n');
  const reply = await h.gql(IMPORT, { input: { format: 'CSV', content } });
  expect(reply.errors).toBeUndefined();
  expect(reply.data!.importAgreements).toMatchObject({
    created: 2,
    rejected: 2,
    // Rows are the file's lines; the header is line 1.
    errors: [
      { row: 4, column: 'employee_number', message: 'Unknown employee number L0404.' },
      { row: 5, column: 'employee_number', message: 'Unknown employee number L0404.' },
    ],
  });
  expect([...asked].sort()).toEqual(['L0001', 'L0404']);
  const copy = await h.runtime.orm.em.fork().findOne(KnownEmployeeSchema, id);
  expect(copy).toMatchObject({ employeeNumber: 'L0001', version: 1 });
  expect(known).not.toBe(id);
});
