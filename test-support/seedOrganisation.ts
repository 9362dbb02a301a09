import { DateTime } from 'luxon';
import { fullTimeAgreement } from '../bin/seed/organisation';
import { contractOperation } from './contractOperation';
import type { TestPlatform } from './createTestPlatform';
import { waitFor } from './waitFor';

export interface SeededPerson {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
}

export interface Organisation {
  hr: SeededPerson;
  manager: SeededPerson;
  reports: SeededPerson[];
  /** A report of one of the manager's reports: an indirect report of the manager. */
  indirect: SeededPerson;
  outsider: SeededPerson;
}

let counter = 0;

export function personInput(
  firstName: string,
  lastName: string,
  extra: Record<string, unknown> = {},
) {
  counter += 1;
  return {
    employeeNumber: `E${String(counter).padStart(5, '0')}${Math.floor(Math.random() * 1e6)}`,
    firstName,
    lastName,
    email:
      `${firstName}.${lastName}.${counter}.${Math.floor(Math.random() * 1e9)}@example.com`.toLowerCase(),
    phone: '+44 20 7946 0958',
    department: 'Emergency Medicine',
    jobTitle: 'Staff Nurse',
    grade: 'BAND_5',
    employmentType: 'FULL_TIME',
    hireDate: '2021-04-01',
    location: 'ENGLAND_AND_WALES',
    timeZone: 'Europe/London',
    salary: { amountMinor: 3_500_000, currency: 'GBP' },
    ...extra,
  };
}

/** Creates one employee through the gateway, as HR would. */
export async function createPerson(
  tp: TestPlatform,
  firstName: string,
  lastName: string,
  extra: Record<string, unknown> = {},
): Promise<SeededPerson> {
  const input = personInput(firstName, lastName, extra);
  const result = await tp.graphql(
    contractOperation('CreateEmployee'),
    { input },
    { role: 'HR', sub: 'service:hr' },
  );
  if (result.errors) throw new Error(`createEmployee failed: ${JSON.stringify(result.errors)}`);
  return {
    id: result.data!.createEmployee.id,
    employeeNumber: input.employeeNumber,
    firstName,
    lastName,
  };
}

/** A small hospital ward: HR, a manager with three reports, one indirect report, one outsider. */
export async function seedOrganisation(tp: TestPlatform): Promise<Organisation> {
  const hr = await createPerson(tp, 'Hannah', 'Reid', {
    department: 'People',
    jobTitle: 'HR Partner',
  });
  const manager = await createPerson(tp, 'Maya', 'Okafor', {
    jobTitle: 'Ward Manager',
    grade: 'BAND_7',
  });
  const reports = [];
  for (const [first, last] of [
    ['Aisha', 'Khan'],
    ['Ben', 'Walsh'],
    ['Chloe', 'Evans'],
  ]) {
    reports.push(await createPerson(tp, first, last, { managerId: manager.id }));
  }
  const indirect = await createPerson(tp, 'Dev', 'Patel', { managerId: reports[0].id });
  const outsider = await createPerson(tp, 'Owen', 'Hughes', { department: 'Radiology' });
  return { hr, manager, reports, indirect, outsider };
}

/** The demo's full-time agreement (`fullTimeAgreement`), with `extra` over it. */
export function agreementInput(
  employeeId: string,
  startDate: string,
  endDate: string,
  extra: Record<string, unknown> = {},
) {
  return { ...fullTimeAgreement(employeeId, startDate, endDate), ...extra };
}

/** The span from `before` days before `day` to `after` days after it, as `agreementInput` takes it. */
export const daysAround = (day: DateTime, before: number, after: number): [string, string] => [
  day.minus({ days: before }).toISODate()!,
  day.plus({ days: after }).toISODate()!,
];

/**
 * Creates an agreement through the gateway (as HR unless `caller` says otherwise), retrying
 * while agreements has not yet heard of the employee, which it learns of by event.
 * Resolves with the agreement's id.
 */
export function createAgreement(
  tp: TestPlatform,
  input: ReturnType<typeof agreementInput>,
  caller: Parameters<TestPlatform['graphql']>[2] = { role: 'HR', sub: 'service:hr' },
): Promise<string> {
  return waitFor(async () => {
    const result = await tp.graphql(contractOperation('CreateAgreement'), { input }, caller);
    return result.errors ? undefined : (result.data!.createAgreement.id as string);
  });
}

/**
 * Waits until leave has heard of an employee's agreement by event: their ANNUAL
 * entitlement on `on` is `days` (27 for `agreementInput`'s full-time year).
 */
export async function waitForAnnualEntitlement(
  tp: TestPlatform,
  employeeId: string,
  on: string,
  days = 27,
): Promise<void> {
  await waitFor(async () => {
    const { data } = await tp.graphql(
      contractOperation('LeaveBalances'),
      { id: employeeId, on },
      { role: 'EMPLOYEE', sub: employeeId },
    );
    const annual = data?.employee.leaveBalances.find(
      (b: { leaveType: string }) => b.leaveType === 'ANNUAL',
    );
    return annual?.entitlement === days ? true : undefined;
  });
}

/**
 * Gives an employee `agreementInput`'s full-time agreement over the leave year `today` falls
 * in (leave years start on 1 April) and the next, and waits until leave has heard of it by
 * event: their ANNUAL entitlement on `on` is 27 days.
 */
export async function agreeForTwoLeaveYears(
  tp: TestPlatform,
  employeeId: string,
  today: DateTime,
  on: string,
): Promise<void> {
  const yearStart = DateTime.fromObject({
    year: today.month >= 4 ? today.year : today.year - 1,
    month: 4,
    day: 1,
  });
  await createAgreement(
    tp,
    agreementInput(
      employeeId,
      yearStart.toISODate()!,
      yearStart.plus({ years: 2 }).minus({ days: 1 }).toISODate()!,
    ),
  );
  await waitForAnnualEntitlement(tp, employeeId, on);
}
