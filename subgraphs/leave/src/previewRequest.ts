import type { EntityManager } from '@mikro-orm/knex';
import { addDays, daysBetween, isPublicHoliday } from '../../../runtime';
import { balanceOf, type Booking } from './balances';
import { weekdayOf, type DayRules } from './days';
import type { ChargedDay, EmployeeCopy } from './entities';
import type { CheckedRequest } from './inputs';
import type { LeavePolicy } from './leavePolicies';
import { balanceGrounds, requestGrounds, type Judging } from './requestGrounds';

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
  const { policy, agreements, rules, days } = await requestGrounds(em, judging, request, employee);
  const { span } = request;
  const preview = { policy, days, holidays: holidaysLeftOut(span, rules) };
  if (!policy.rules.usesBalance) return { ...preview, balance: null };
  const type = request.leaveType;
  const { existing, versionOf } = await balanceGrounds(em, judging, type, employee, span.startDate);
  const candidate: Booking = { id: 'new', leaveType: type, status: 'PENDING', chargedDays: days };
  const rulesOf = (year: { start: string; end: string }) => versionOf(year).rules;
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
