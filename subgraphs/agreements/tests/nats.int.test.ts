import { v7 as uuidv7 } from 'uuid';
import { loadCatalogue } from '../../../messaging';
import { createdData } from '../../../test-support/employeeEvents';
import { openTestStreams, type TestStreams } from '../../../test-support/openTestStreams';
import { foreignEvent } from '../../../test-support/startSubgraph';
import { waitFor } from '../../../test-support/waitFor';
import { agreementInput, startAgreements, type AgreementsHarness } from './support';

let streams: TestStreams;
let h: AgreementsHarness;

beforeAll(async () => {
  streams = await openTestStreams('agreements-test');
  const { nats, namespace } = streams;
  h = await startAgreements({ js: nats.js, jsm: nats.jsm, namespace });
});
afterAll(async () => {
  await h.stop();
  await streams.close();
});

/** An employees event as the employees subgraph publishes it (validated by the catalogue). */
async function publish(type: string, data: Record<string, unknown>) {
  const event = foreignEvent(type, data);
  loadCatalogue().validate(event);
  await streams.publish(event);
}

const hired = (employeeId: string, employeeNumber: string, managerId: string | null) =>
  createdData(employeeId, {
    employeeNumber,
    email: `${employeeNumber.toLowerCase()}@example.com`,
    managerId,
  });

const READ = `query E($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee {
  agreements { id } } } }`;

it('builds the local reporting line from employees events on NATS', async () => {
  const manager = uuidv7();
  const report = uuidv7();
  await publish('employees.employee.created', hired(manager, 'N0001', null));
  await publish('employees.employee.created', hired(report, 'N0002', null));
  await publish('employees.manager.assigned', {
    employeeId: report,
    employeeNumber: 'N0002',
    version: 2,
    managerId: manager,
    previousManagerId: null,
  });
  // Known once the created event is in: an agreement can be made for them.
  const created = await waitFor(async () => {
    const reply = await h.gql(
      `mutation C($input: CreateAgreementInput!) {
        createAgreement(input: $input) { id employeeId version } }`,
      { input: agreementInput(report) },
    );
    return reply.errors ? undefined : reply;
  });
  expect(created.data!.createAgreement).toEqual({
    id: expect.stringMatching(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    ),
    employeeId: report,
    version: 1,
  });
  const asManager = () =>
    h.gql(
      READ,
      { reps: [{ __typename: 'Employee', id: report }] },
      { role: 'MANAGER', sub: manager },
    );
  const reply = await waitFor(async () => {
    const r = await asManager();
    return r.errors ? undefined : r;
  });
  expect(reply.data!._entities[0].agreements).toHaveLength(1);
  // Moving the report away (a newer version) takes the manager's access away.
  await publish('employees.manager.assigned', {
    employeeId: report,
    employeeNumber: 'N0002',
    version: 3,
    managerId: null,
    previousManagerId: manager,
  });
  const refused = await waitFor(async () => {
    const r = await asManager();
    return r.errors ? r : undefined;
  });
  expect(refused.errors![0].extensions?.code).toBe('FORBIDDEN');
});
