import { contractOperation as op } from '../../test-support/contractOperation';
import { beforeAllValue } from '../../test-support/beforeAllValue';
import { platformSuite } from '../../test-support/platformSuite';
import { agreementInput, seedOrganisation } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

// The agreements contract operations through the real gateway, with the
// agreements subgraph learning of employees from their events over NATS.
describe('agreements through the gateway', () => {
  const tp = platformSuite();
  const org = beforeAllValue(() => seedOrganisation(tp));
  const hr = () => ({ role: 'HR' as const, sub: org.hr.id });

  /** A four-day, 0.8 FTE year: the full-time agreement scaled down. */
  const partTime = (employeeId: string) =>
    agreementInput(employeeId, '2025-04-01', '2026-03-31', {
      fte: 0.8,
      weeklyHours: 30,
      workingDays: ['MON', 'TUE', 'WED', 'THU'],
      annualLeaveDays: 21.6,
      targets: [
        { accrualType: 'ANNUAL_TARGET_HOURS', total: 1560 },
        { accrualType: 'NIGHT_HOURS', total: 160 },
      ],
    });

  it('creates an agreement once the employee is known, and the employee reads it', async () => {
    const [report] = org.reports;
    // Agreements learns of new employees from events, so the first try may come too early.
    const created = await waitFor(async () => {
      const result = await tp.graphql(op('CreateAgreement'), { input: partTime(report.id) }, hr());
      return result.errors ? undefined : result.data!.createAgreement;
    });
    expect(created).toEqual({ id: expect.any(String), version: 1 });

    const read = await tp.graphql(
      op('EmployeeAgreements'),
      { id: report.id },
      { role: 'EMPLOYEE', sub: report.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.employee.agreements).toEqual([
      expect.objectContaining({
        id: created.id,
        fte: 0.8,
        startDate: '2025-04-01',
        workingDays: ['MON', 'TUE', 'WED', 'THU'],
        version: 1,
        targets: expect.arrayContaining([{ accrualType: 'NIGHT_HOURS', total: 160 }]),
      }),
    ]);

    const amended = await tp.graphql(
      op('AmendAgreement'),
      { input: { id: created.id, effectiveFrom: '2025-10-01', fte: 0.6, expectedVersion: 1 } },
      hr(),
    );
    expect(amended.data!.amendAgreement).toEqual({ id: created.id, version: 2 });

    const outsider = await tp.graphql(
      op('EmployeeAgreements'),
      { id: report.id },
      { role: 'EMPLOYEE', sub: org.outsider.id },
    );
    expect(outsider.data?.employee?.agreements ?? null).toBeNull();
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('imports TAMS rows by employee number, reports the bad ones, and changes nothing the second time', async () => {
    const header =
      'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,salary_basis,' +
      'weekly_hours,working_days,annual_leave_days,target_annual_target_hours';
    const line = (number: string, fte: string) =>
      `${number},AHA,2025-04-01,2026-03-31,${fte},MODERNISED,NATIONAL,37.5,MON|TUE|WED|THU|FRI,27,1950`;
    const content = [
      header,
      line(org.reports[1].employeeNumber, '1'),
      line('NOBODY-1', '1'),
      line(org.reports[2].employeeNumber, '1.5'),
    ].join('\n');
    const input = { format: 'CSV', content };

    // A dry run until agreements has heard of the employee; it writes nothing, so the real run still creates.
    await waitFor(async () => {
      const dry = await tp.graphql(
        op('ImportAgreements'),
        { input: { ...input, dryRun: true } },
        hr(),
      );
      return dry.data?.importAgreements.created === 1 ? true : undefined;
    });
    const first = await tp.graphql(op('ImportAgreements'), { input }, hr());
    expect(first.errors).toBeUndefined();
    expect(first.data!.importAgreements).toMatchObject({
      created: 1,
      amended: 0,
      unchanged: 0,
      rejected: 2,
    });
    expect(first.data!.importAgreements.errors).toEqual([
      { row: 3, column: 'employee_number', message: expect.any(String) },
      { row: 4, column: 'fte', message: expect.any(String) },
    ]);

    const again = await tp.graphql(op('ImportAgreements'), { input }, hr());
    expect(again.data!.importAgreements).toMatchObject({
      created: 0,
      amended: 0,
      unchanged: 1,
      rejected: 2,
    });
  });
});
