import { DateTime } from 'luxon';
import { addDays, addMonths, daysBetween, type LeaveRules, type LeaveType } from '../../../runtime';
import type { AgreementCopy, ChargedDay, EmployeeCopy, LeaveStatus } from './entities';
import { DEFAULT_WORKING_DAYS, halvesBetween, type Weekday } from './days';
import type { LeaveConfig } from './settings';

/** A leave year, both ends inclusive. */
export interface LeaveYear {
  start: string;
  end: string;
}

/** The rules a leave year's entitlement and carry-over follow (see `yearInstant`). */
export type RulesOfYear = (year: LeaveYear) => LeaveRules;

/**
 * The instant a leave year's rules are read at: now while the year runs (or is ahead), its
 * last moment once it has ended, so a closed year never changes with a new policy version.
 */
export function yearInstant(year: LeaveYear, zone: string, now: Date): Date {
  const end = endOfDay(year.end, zone);
  return end < now ? end : now;
}

/** Ends of days already worked out, by zone and date: a team's balances ask for the same few. */
const dayEnds = new Map<string, Date>();
const MAX_DAY_ENDS = 10_000;

/** The last moment of a local day; a time zone's offset is costly to work out each time. */
function endOfDay(date: string, zone: string): Date {
  const key = `${zone}|${date}`;
  let end = dayEnds.get(key);
  if (!end) {
    end = DateTime.fromISO(date, { zone }).endOf('day').toJSDate();
    if (dayEnds.size >= MAX_DAY_ENDS) dayEnds.clear();
    dayEnds.set(key, end);
  }
  return new Date(end);
}

/** What a balance is computed from: the request's days and where it stands. */
export interface Booking {
  id: string;
  leaveType: LeaveType;
  status: LeaveStatus;
  chargedDays: ChargedDay[];
}

/** A balance of one leave type in one leave year, in halves of a day. */
export interface Balance {
  leaveType: LeaveType;
  year: LeaveYear;
  entitlement: number;
  carriedOver: number;
  carryOverExpiresOn: string | null;
  taken: number;
  pending: number;
  remaining: number;
}

const plusYears = (date: string, years: number) => addMonths(date, years * 12);

const covering = (agreements: readonly AgreementCopy[], date: string) =>
  agreements.find((a) => a.startDate <= date && date <= a.endDate);

/**
 * The leave year holding `date`: the agreement year (anchored on the end of the agreement
 * that covers the day, so a joiner's shorter first agreement still ends its year), or else
 * the configured default year (1 April to 31 March unless configured).
 */
export function leaveYearOf(
  date: string,
  agreements: readonly AgreementCopy[],
  config: Pick<LeaveConfig, 'leaveYearStart'>,
): LeaveYear {
  const agreement = covering(agreements, date);
  if (agreement) {
    let end = agreement.endDate;
    // Step back a year at a time for an agreement longer than a year.
    while (plusYears(end, -1) >= date) end = plusYears(end, -1);
    return { start: addDays(plusYears(end, -1), 1), end };
  }
  const year = Number(date.slice(0, 4));
  let start = `${year}-${config.leaveYearStart}`;
  if (start > date) start = `${year - 1}-${config.leaveYearStart}`;
  return { start, end: addDays(plusYears(start, 1), -1) };
}

/** The working pattern on `date`: the covering agreement's, else Monday to Friday. */
export const workingDaysOn = (agreements: readonly AgreementCopy[], date: string): Weekday[] =>
  covering(agreements, date)?.workingDays ?? DEFAULT_WORKING_DAYS;

/** Rounds up to the next half day, in halves. */
const toHalvesUp = (days: number) => Math.ceil(days * 2 - 1e-9);

/**
 * Entitlement of a leave year in halves: each agreement's yearly days (the agreement's own
 * annual leave days for ANNUAL when it gives them, else the policy's days times FTE), pro
 * rata to the part of the year it covers while the person is employed. Without any
 * agreement in the year, the policy's full-time days, pro rata from the hire date.
 */
export function entitlementOf(
  type: LeaveType,
  policy: LeaveRules,
  year: LeaveYear,
  employee: Pick<EmployeeCopy, 'hireDate' | 'terminationDate'> | null,
  agreements: readonly AgreementCopy[],
): number {
  if (!policy.usesBalance) return 0;
  const yearDays = daysBetween(year.start, year.end) + 1;
  const from = [year.start, employee?.hireDate ?? year.start].sort()[1];
  const to = [year.end, employee?.terminationDate ?? year.end].sort()[0];
  if (from > to) return 0;
  const inYear = agreements.filter((a) => a.startDate <= to && a.endDate >= from);
  const share = (a: string, b: string) => (daysBetween(a, b) + 1) / yearDays;
  if (inYear.length === 0) return toHalvesUp(policy.entitlementDays * share(from, to));
  let days = 0;
  for (const agreement of inYear) {
    const perYear =
      type === 'ANNUAL' && agreement.annualLeaveHundredths != null
        ? agreement.annualLeaveHundredths / 100
        : (policy.entitlementDays * agreement.fteUnits) / 10_000;
    const a = [from, agreement.startDate].sort()[1];
    const b = [to, agreement.endDate].sort()[0];
    days += perYear * share(a, b);
  }
  return toHalvesUp(days);
}

const sumOf = (
  bookings: readonly Booking[],
  type: LeaveType,
  statuses: LeaveStatus[],
  from: string,
  to: string,
) =>
  bookings
    .filter((b) => b.leaveType === type && statuses.includes(b.status))
    .reduce((sum, b) => sum + halvesBetween(b.chargedDays, from, to), 0);

/**
 * The balance of `type` on `on`, in halves, each year by the rules `rulesOf` gives it.
 * Carried over: the previous year's
 * unused entitlement (entitlement less approved days; its own carry is not carried again),
 * at most the cap; after the expiry date only what was booked up to that date stays.
 * remaining = entitlement + carriedOver - taken - pending.
 */
export function balanceOf(
  type: LeaveType,
  rulesOf: RulesOfYear,
  on: string,
  employee: Pick<EmployeeCopy, 'hireDate' | 'terminationDate'> | null,
  agreements: readonly AgreementCopy[],
  bookings: readonly Booking[],
  config: Pick<LeaveConfig, 'leaveYearStart'>,
): Balance {
  const year = leaveYearOf(on, agreements, config);
  const policy = rulesOf(year);
  const entitlement = entitlementOf(type, policy, year, employee, agreements);
  let carriedOver = 0;
  let carryOverExpiresOn: string | null = null;
  if (policy.usesBalance && policy.carryOverCapDays > 0) {
    const previous = leaveYearOf(addDays(year.start, -1), agreements, config);
    const unused =
      entitlementOf(type, rulesOf(previous), previous, employee, agreements) -
      sumOf(bookings, type, ['APPROVED'], previous.start, previous.end);
    carriedOver = Math.max(0, Math.min(toHalvesUp(policy.carryOverCapDays), unused));
    carryOverExpiresOn = addDays(addMonths(year.start, policy.carryOverExpiryMonths), -1);
    if (on > carryOverExpiresOn) {
      const used = sumOf(bookings, type, ['APPROVED', 'PENDING'], year.start, carryOverExpiresOn);
      carriedOver = Math.min(carriedOver, used);
    }
  }
  const taken = sumOf(bookings, type, ['APPROVED'], year.start, year.end);
  const pending = sumOf(bookings, type, ['PENDING'], year.start, year.end);
  return {
    leaveType: type,
    year,
    entitlement,
    carriedOver,
    carryOverExpiresOn,
    taken,
    pending,
    remaining: entitlement + carriedOver - taken - pending,
  };
}

/** The earliest day whose balance may depend on a booking: the year before `on`'s year. */
export const historyFloor = (on: string): string => plusYears(on, -2);
