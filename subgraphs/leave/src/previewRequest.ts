import type { EntityManager } from '@mikro-orm/knex';
import {
  addDays,
  daysBetween,
  DEFAULT_TIME_ZONE,
  isPublicHoliday,
} from '../../../runtime/src/calendar';
import { balanceOf, historyFloor, workingDaysOn, yearInstant, type Booking } from './balances';
import { chargedDays, weekdayOf, type DayRules } from './days';
import {
  ACTIVE_STATUSES,
  AgreementCopySchema,
  LeaveRequestSchema,
  type ChargedDay,
  type EmployeeCopy,
} from './entities';
import { notOffered } from './errors';
import type { CheckedRequest } from './inputs';
import type { Judging } from './judgeRequest';
import { readCopies, type LeavePolicy } from './leavePolicies';

/** What a request would charge, worked out as `requestLeave` would, in halves of a day. */
export interface Preview {
  policy: LeavePolicy;
  days: ChargedDay[];
  /** Working days of the span left out as public holidays of the employee's location. */
  holidays: string[];
  /** The balance of the leave year holding the first day; null when the type has none. */
  balance: { yearStart: string; yearEnd: string; before: number; after: number } | null;
}

/**
 * Previews a leave request, writing nothing: its days by the employee's working pattern
 * and the public holidays of their location (the very count `requestLeave` charges), and
 * the balance of its leave year before and after it, counting it as pending.
 */
export async function previewRequest(
  em: EntityManager,
  judging: Judging,
  request: CheckedRequest,
  employee: EmployeeCopy,
): Promise<Preview> {
  const policy = await judging.policies.inForce(em, request.leaveType, judging.now);
  if (!policy.rules.enabled) throw notOffered(policy);
  const agreements = await em.find(
    AgreementCopySchema,
    { employeeId: employee.id },
    { orderBy: { startDate: 'asc' } },
  );
  const { span } = request;
  const rules: DayRules = {
    workingDays: workingDaysOn(agreements, span.startDate),
    location: employee.location,
    policy: policy.rules,
  };
  const days = chargedDays(span, rules);
  const preview = { policy, days, holidays: holidaysLeftOut(span, rules) };
  if (!policy.rules.usesBalance) return { ...preview, balance: null };
  const existing = await em.find(LeaveRequestSchema, {
    employeeId: employee.id,
    status: { $in: ACTIVE_STATUSES },
    endDate: { $gte: historyFloor(span.startDate) },
  });
  const type = request.leaveType;
  const candidate: Booking = { id: 'new', leaveType: type, status: 'PENDING', chargedDays: days };
  const book = judging.policies.book(await readCopies(em));
  const zone = employee.timeZone ?? DEFAULT_TIME_ZONE;
  const rulesOf = (year: { start: string; end: string }) =>
    book.at(type, yearInstant(year, zone, judging.now)).rules;
  const balance = (bookings: Booking[]) =>
    balanceOf(type, rulesOf, span.startDate, employee, agreements, bookings, judging.config);
  const before = balance(existing);
  const after = balance([...existing, candidate]);
  return {
    ...preview,
    balance: {
      yearStart: before.year.start,
      yearEnd: before.year.end,
      before: before.remaining,
      after: after.remaining,
    },
  };
}

/** Days of the span that would count but for being a public holiday. */
function holidaysLeftOut(span: { startDate: string; endDate: string }, rules: DayRules): string[] {
  if (rules.policy.countsHolidays) return [];
  const found: string[] = [];
  for (let i = 0; i <= daysBetween(span.startDate, span.endDate); i++) {
    const date = addDays(span.startDate, i);
    const working = rules.policy.countsWeekends || rules.workingDays.includes(weekdayOf(date));
    if (working && isPublicHoliday(rules.location, date)) found.push(date);
  }
  return found;
}
