import type { EntityManager } from '@mikro-orm/knex';
import { addDays, daysBetween, DEFAULT_TIME_ZONE, localDate } from '../../../runtime';
import { balanceOf, leaveYearOf, type Booking } from './balances';
import { halvesOf, type Span } from './days';
import type { AgreementCopy, ChargedDay, EmployeeCopy } from './entities';
import { LeaveReason, violation, type LeaveError } from './errors';
import type { CheckedRequest } from './inputs';
import type { LeavePolicy } from './leavePolicies';
import { leaveTypeName } from './leaveTypeName';
import { overlapping } from './queries';
import { balanceGrounds, requestGrounds, type Judging } from './requestGrounds';

export type { Judging };

/** How a request fares: the policy version that judged it, its days, and what it breaks. */
export interface Judgement {
  policy: LeavePolicy;
  days: ChargedDay[];
  /** Every request rule it breaks (docs/domain.md#leave), in order; empty when it may be made. */
  violations: LeaveError[];
}

const ENDLESS = '9999-12-31';

/**
 * Judges a leave request by the LEAVE policy version in force now, writing nothing:
 * `requestLeave` refuses with the first violation, a compliance check lists them all.
 */
export async function judgeRequest(
  em: EntityManager,
  judging: Judging,
  request: CheckedRequest,
  employee: EmployeeCopy,
): Promise<Judgement> {
  const { policy, agreements, days } = await requestGrounds(em, judging, request, employee);
  const { span } = request;
  const today = localDate(judging.now, employee.timeZone ?? DEFAULT_TIME_ZONE);
  const violations = employmentViolations(policy, employee, span);
  violations.push(...dayViolations(policy, span, days, today));
  if (days.length === 0) return { policy, days, violations };
  const clashing = await overlapping(em, employee.id, span.startDate, span.endDate);
  if (clashing.length)
    violations.push(
      violation(
        LeaveReason.OVERLAPPING_LEAVE,
        policy,
        `The request overlaps ${clashing.length} pending or approved request(s) of the employee.`,
        {
          field: 'startDate',
          extensions: {
            overlapping: clashing.map(({ id, startDate, endDate, status }) => ({
              id,
              startDate,
              endDate,
              status,
            })),
          },
        },
      ),
    );
  if (policy.rules.usesBalance && !policy.rules.allowNegative) {
    const short = await balanceViolation(em, judging, policy, employee, agreements, days);
    if (short) violations.push(short);
  }
  return { policy, days, violations };
}

function employmentViolations(
  policy: LeavePolicy,
  employee: EmployeeCopy,
  span: Span,
): LeaveError[] {
  const found: LeaveError[] = [];
  if (employee.status === 'INACTIVE' || employee.status === 'TERMINATED')
    found.push(
      violation(
        LeaveReason.EMPLOYEE_NOT_ACTIVE,
        policy,
        `The employee is ${employee.status}; only active employees may request leave.`,
        { field: 'employeeId', extensions: { status: employee.status } },
      ),
    );
  if (
    (employee.hireDate && span.startDate < employee.hireDate) ||
    span.endDate > (employee.terminationDate ?? ENDLESS)
  )
    found.push(
      violation(
        LeaveReason.OUTSIDE_EMPLOYMENT,
        policy,
        'Leave must fall between the hire date and the termination date.',
        {
          field: 'startDate',
          extensions: { hireDate: employee.hireDate, terminationDate: employee.terminationDate },
        },
      ),
    );
  return found;
}

/** Half days, working days, notice and the longest run: the rules of the type's policy. */
function dayViolations(
  policy: LeavePolicy,
  span: Span,
  days: ChargedDay[],
  today: string,
): LeaveError[] {
  const { rules, key } = policy;
  const found: LeaveError[] = [];
  if ((span.halfDayStart || span.halfDayEnd) && !rules.halfDaysAllowed)
    found.push(
      violation(
        LeaveReason.HALF_DAY_NOT_ALLOWED,
        policy,
        `${leaveTypeName(key)} is taken in whole days.`,
        {
          field: span.halfDayStart ? 'halfDayStart' : 'halfDayEnd',
        },
      ),
    );
  const halves = halvesOf(days);
  if (halves === 0)
    return [
      ...found,
      violation(
        LeaveReason.NO_WORKING_DAYS,
        policy,
        'No day of the request is a working day: nothing to take leave from.',
        { field: 'startDate' },
      ),
    ];
  // A type without notice (sick leave) may also be recorded afterwards.
  if (rules.noticeDays > 0 && daysBetween(today, span.startDate) < rules.noticeDays) {
    const earliestStartDate = addDays(today, rules.noticeDays);
    found.push(
      violation(
        LeaveReason.NOTICE_PERIOD,
        policy,
        `${leaveTypeName(key)} needs ${rules.noticeDays} days' notice; the earliest start is ${earliestStartDate}.`,
        { field: 'startDate', extensions: { noticeDays: rules.noticeDays, earliestStartDate } },
      ),
    );
  }
  if (rules.maxConsecutiveDays !== null && halves > rules.maxConsecutiveDays * 2)
    found.push(
      violation(
        LeaveReason.MAX_CONSECUTIVE_DAYS,
        policy,
        `${leaveTypeName(key)} is at most ${rules.maxConsecutiveDays} days in one request; this one is ${halves / 2}.`,
        {
          field: 'endDate',
          extensions: { maxConsecutiveDays: rules.maxConsecutiveDays, days: halves / 2 },
        },
      ),
    );
  return found;
}

/**
 * Enough balance in each leave year the request touches, counting it as pending. Each
 * year's entitlement and carry-over follow that year's version (`yearInstant`).
 */
async function balanceViolation(
  em: EntityManager,
  judging: Judging,
  policy: LeavePolicy,
  employee: EmployeeCopy,
  agreements: AgreementCopy[],
  days: ChargedDay[],
): Promise<LeaveError | null> {
  const type = policy.key as Booking['leaveType'];
  const { existing, versionOf } = await balanceGrounds(em, judging, type, employee, days[0].date);
  const candidate: Booking = { id: 'new', leaveType: type, status: 'PENDING', chargedDays: days };
  const bookings = [...existing, candidate];
  const { config } = judging;
  const lastDayOfYear = new Map<string, string>();
  for (const day of days)
    lastDayOfYear.set(leaveYearOf(day.date, agreements, config).start, day.date);
  for (const [yearStart, on] of lastDayOfYear) {
    const rulesOf = (year: { start: string; end: string }) => versionOf(year).rules;
    const balance = balanceOf(type, rulesOf, on, employee, agreements, bookings, config);
    if (balance.remaining >= 0) continue;
    const requested = days
      .filter((d) => d.date >= balance.year.start && d.date <= balance.year.end)
      .reduce((sum, d) => sum + d.halves, 0);
    const available = (balance.remaining + requested) / 2;
    return violation(
      LeaveReason.INSUFFICIENT_BALANCE,
      versionOf(balance.year),
      `Not enough ${leaveTypeName(type).toLowerCase()} left in the leave year from ${yearStart}: ${available} days left, ${requested / 2} asked.`,
      { extensions: { leaveYearStart: yearStart, available, requested: requested / 2 } },
    );
  }
  return null;
}
