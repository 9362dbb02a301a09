import type { EntityManager } from '@mikro-orm/knex';
import { DEFAULT_TIME_ZONE, type LeaveType } from '../../../runtime';
import { historyFloor, workingDaysOn, yearInstant, type LeaveYear } from './balances';
import { chargedDays, type DayRules } from './days';
import {
  ACTIVE_STATUSES,
  AgreementCopySchema,
  LeaveRequestSchema,
  type AgreementCopy,
  type ChargedDay,
  type EmployeeCopy,
  type LeaveRequest,
} from './entities';
import { notOffered } from './errors';
import type { CheckedRequest } from './inputs';
import { readCopies, type LeavePolicies, type LeavePolicy } from './leavePolicies';
import type { LeaveConfig } from './settings';

/** What a request is judged with: the configuration, the policy copies, the instant. */
export interface Judging {
  config: LeaveConfig;
  policies: LeavePolicies;
  now: Date;
}

/** What judging or previewing a request starts from. */
export interface RequestGrounds {
  /** The version of the type's policy in force now. */
  policy: LeavePolicy;
  /** The employee's agreements, earliest first. */
  agreements: AgreementCopy[];
  /** Which days of the request count. */
  rules: DayRules;
  /** The days the request charges, by those rules. */
  days: ChargedDay[];
}

/** The policy in force (refusing a type it switches off), the agreements, day rules and days. */
export async function requestGrounds(
  em: EntityManager,
  judging: Judging,
  request: CheckedRequest,
  employee: EmployeeCopy,
): Promise<RequestGrounds> {
  const policy = await judging.policies.inForce(em, request.leaveType, judging.now);
  if (!policy.rules.enabled) throw notOffered(policy);
  const agreements = await em.find(
    AgreementCopySchema,
    { employeeId: employee.id },
    { orderBy: { startDate: 'asc' } },
  );
  const rules: DayRules = {
    workingDays: workingDaysOn(agreements, request.span.startDate),
    location: employee.location,
    policy: policy.rules,
  };
  return { policy, agreements, rules, days: chargedDays(request.span, rules) };
}

/** What a balance of the request's type is worked out from. */
export interface BalanceGrounds {
  /** The employee's pending and approved requests a balance from that day may count. */
  existing: LeaveRequest[];
  /** The version each leave year follows: now's while it runs, its last once it has ended. */
  versionOf: (year: LeaveYear) => LeavePolicy;
}

/** The requests and the policy versions a balance of `type` from `day` on depends on. */
export async function balanceGrounds(
  em: EntityManager,
  judging: Judging,
  type: LeaveType,
  employee: EmployeeCopy,
  day: string,
): Promise<BalanceGrounds> {
  const existing = await em.find(LeaveRequestSchema, {
    employeeId: employee.id,
    status: { $in: ACTIVE_STATUSES },
    endDate: { $gte: historyFloor(day) },
  });
  const book = judging.policies.book(await readCopies(em));
  const zone = employee.timeZone ?? DEFAULT_TIME_ZONE;
  const versionOf = (year: LeaveYear) => book.at(type, yearInstant(year, zone, judging.now));
  return { existing, versionOf };
}
