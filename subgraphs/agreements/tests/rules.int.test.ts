import { agreementInput, hr, onlyError, startAgreements } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const h = suiteHarness(startAgreements);
let employeeId: string;

beforeAll(async () => {
  employeeId = await h.knownEmployee('R0001');
});

const CREATE = `mutation C($input: CreateAgreementInput!) { createAgreement(input: $input) { id version } }`;
const AMEND = `mutation A($input: AmendAgreementInput!) {
  amendAgreement(input: $input) { id version effectiveFrom fte endDate
    history { version effectiveFrom fte endDate } }
}`;

describe('createAgreement refuses a bad value, naming it, and writes nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['fte 0', { fte: 0 }, 'fte'],
    ['fte 1.5', { fte: 1.5 }, 'fte'],
    ['fte with five decimals', { fte: 0.12345 }, 'fte'],
    ['a bad start date', { startDate: '2025-02-30' }, 'startDate'],
    ['an end before the start', { endDate: '2025-03-01' }, 'endDate'],
    ['a bad agreement type', { agreementType: 'a b' }, 'agreementType'],
    ['negative weekly hours', { weeklyHours: -1 }, 'weeklyHours'],
    ['no working days', { workingDays: [] }, 'workingDays'],
    ['leave with three decimals', { annualLeaveDays: 27.125 }, 'annualLeaveDays'],
    ['no annual target', { targets: [{ accrualType: 'NIGHT_HOURS', total: 1 }] }, 'targets'],
    [
      'a fractional on-call count',
      {
        targets: [
          { accrualType: 'ANNUAL_TARGET_HOURS', total: 1 },
          { accrualType: 'ON_CALL_WEEKEND', total: 1.5 },
        ],
      },
      'targets',
    ],
    ['an unknown employee', { employeeId: '0190a0a0-0000-7000-8000-000000000000' }, 'employeeId'],
  ];
  it.each(cases)('%s', async (_name, overrides, field) => {
    const before = await h.snapshot();
    const error = onlyError(await h.gql(CREATE, { input: agreementInput(employeeId, overrides) }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('agreements of one employee', () => {
  let first: string;

  it('creates one with version 1, exact fte and all seven targets, and records an event', async () => {
    const created = await h.create(agreementInput(employeeId, { fte: 0.3333 }));
    first = created.id;
    expect(created).toMatchObject({
      version: 1,
      fte: 0.3333,
      effectiveFrom: '2025-04-01',
      weeklyHours: 30,
      workingDays: ['MON', 'TUE', 'WED', 'THU'],
    });
    expect(created.targets).toHaveLength(7);
    expect(created.targets[0]).toEqual({ accrualType: 'ANNUAL_TARGET_HOURS', total: 1252.5 });
    const event = (await h.events()).find((e) => e.subject === first)!;
    expect(event).toMatchObject({
      type: 'agreements.agreement.created',
      data: { agreementId: first, employeeId, version: 1, fte: 0.3333, startDate: '2025-04-01' },
    });
    expect(event.data.correlationId).toBe(event.correlationid);
  });

  it('refuses an overlapping agreement, naming the clashing one', async () => {
    const before = await h.snapshot();
    const input = agreementInput(employeeId, { startDate: '2026-03-31', endDate: '2027-03-30' });
    const error = onlyError(await h.gql(CREATE, { input }));
    expect(error.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'AGREEMENT_OVERLAP',
      conflictingAgreementId: first,
    });
    expect(error.message).toContain(first);
    expect(await h.snapshot()).toEqual(before);
  });

  it('takes the next year, which touches but does not overlap', async () => {
    const next = agreementInput(employeeId, { startDate: '2026-04-01', endDate: '2027-03-31' });
    expect((await h.gql(CREATE, { input: next })).errors).toBeUndefined();
  });

  it('gives the same result for the same idempotency key, creating once', async () => {
    const other = await h.knownEmployee('R0002');
    const input = agreementInput(other, { idempotencyKey: 'k-1' });
    const a = await h.gql(CREATE, { input });
    const b = await h.gql(CREATE, { input });
    expect(b.data!.createAgreement.id).toBe(a.data!.createAgreement.id);
    const created = (await h.events()).filter((e) => e.data.employeeId === other);
    expect(created).toHaveLength(1);
  });

  it('amends into a new version from its date, keeping history', async () => {
    const reply = await h.gql(AMEND, {
      input: { id: first, effectiveFrom: '2025-10-01', fte: 0.6, expectedVersion: 1 },
    });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.amendAgreement).toMatchObject({
      version: 2,
      effectiveFrom: '2025-10-01',
      fte: 0.6,
    });
    expect(reply.data!.amendAgreement.history).toEqual([
      { version: 1, effectiveFrom: '2025-04-01', fte: 0.3333, endDate: '2026-03-31' },
      { version: 2, effectiveFrom: '2025-10-01', fte: 0.6, endDate: '2026-03-31' },
    ]);
    const amended = (await h.events()).filter((e) => e.type === 'agreements.agreement.amended');
    expect(amended.at(-1)!.data).toMatchObject({
      version: 2,
      fte: 0.6,
      effectiveFrom: '2025-10-01',
    });
  });

  it('refuses a stale expectedVersion with CONFLICT', async () => {
    const before = await h.snapshot();
    const error = onlyError(
      await h.gql(AMEND, {
        input: { id: first, effectiveFrom: '2025-11-01', fte: 0.5, expectedVersion: 1 },
      }),
    );
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses an amendment that would overlap, or takes effect before the current version', async () => {
    const overlap = onlyError(
      await h.gql(AMEND, {
        input: { id: first, effectiveFrom: '2025-12-01', endDate: '2026-06-30' },
      }),
    );
    expect(overlap.extensions).toMatchObject({ rule: 'AGREEMENT_OVERLAP' });
    const early = onlyError(
      await h.gql(AMEND, { input: { id: first, effectiveFrom: '2025-05-01', fte: 0.4 } }),
    );
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
  });

  it('records ended beside amended when the end date moves earlier', async () => {
    const reply = await h.gql(AMEND, {
      input: { id: first, effectiveFrom: '2026-01-31', endDate: '2026-01-31', expectedVersion: 2 },
    });
    expect(reply.data!.amendAgreement).toMatchObject({ version: 3, endDate: '2026-01-31' });
    const ended = (await h.events()).filter((e) => e.type === 'agreements.agreement.ended');
    expect(ended).toHaveLength(1);
    expect(ended[0].data).toMatchObject({ version: 3, previousEndDate: '2026-03-31' });
  });

  it('an amendment that changes nothing makes no version', async () => {
    const reply = await h.gql(AMEND, { input: { id: first, effectiveFrom: '2026-01-31' } });
    expect(reply.data!.amendAgreement.version).toBe(3);
  });

  it("resolves an employee reference's agreements and current agreement", async () => {
    const reply = await h.gql(
      `query E($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee {
        agreements { version startDate } currentAgreement(on: "2026-06-01") { startDate } } } }`,
      { reps: [{ __typename: 'Employee', id: employeeId }] },
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data!._entities[0]).toEqual({
      agreements: [
        { version: 3, startDate: '2025-04-01' },
        { version: 1, startDate: '2026-04-01' },
      ],
      currentAgreement: { startDate: '2026-04-01' },
    });
  });

  it('lets only HR and ADMIN write', async () => {
    for (const role of ['EMPLOYEE', 'MANAGER', 'FINANCE', 'SYSTEM'] as const) {
      const error = onlyError(
        await h.gql(CREATE, { input: agreementInput(employeeId) }, { role, sub: employeeId }),
      );
      expect(error.extensions?.code).toBe('FORBIDDEN');
    }
    const admin = await h.gql(
      CREATE,
      { input: agreementInput(employeeId, { startDate: '2030-04-01', endDate: '2031-03-31' }) },
      { role: 'ADMIN' },
    );
    expect(admin.errors).toBeUndefined();
    expect(hr.role).toBe('HR');
  });
});
