import type { CataloguedEvent, EventData } from '../../../../messaging';
import { policyLabel, policyRef, type WorkingTimeRules } from '../../../../runtime';
import { dayStart } from './employeeDays';
import { ViolationSchema } from './entities';
import { recordViolation, type Finding, type Recording } from './recordViolation';
import { duration } from './words';

export const DAY_PROCESSED = 'attendance.day.processed';

/** A processed day; `breakMinutes` is absent from days processed before attendance sent it. */
type ProcessedDay = EventData<typeof DAY_PROCESSED>;

type Breach = Pick<Finding, 'rule' | 'message' | 'details'>;

/** The working-time rules a processed day breaks, in words naming the policy (`label`). */
export function dayBreaches(day: ProcessedDay, rules: WorkingTimeRules, label: string): Breach[] {
  const found: Breach[] = [];
  const { date, workedMinutes: worked, overtimeMinutes: overtime, breakMinutes } = day;
  const cap = rules.dailyOvertimeCapMinutes;
  if (overtime > cap)
    found.push({
      rule: 'DAILY_OVERTIME_CAP',
      message: `Overtime on ${date} was ${duration(overtime)}, over the ${duration(cap)} daily cap (${label}).`,
      details: { minutes: overtime, limitMinutes: cap },
    });
  const longest = rules.maxEntryMinutes;
  if (worked > longest)
    found.push({
      rule: 'LONGEST_SHIFT',
      message: `Work on ${date} came to ${duration(worked)}, over the ${duration(longest)} longest shift (${label}).`,
      details: { minutes: worked, limitMinutes: longest },
    });
  const after = rules.minimumBreakAfterMinutes;
  const due = rules.minimumBreakMinutes;
  if (breakMinutes !== undefined && worked > after && breakMinutes < due)
    found.push({
      rule: 'MINIMUM_BREAK',
      message:
        `${duration(worked)} worked on ${date} with ` +
        `${breakMinutes ? `a break of ${duration(breakMinutes)}` : 'no break'}, ` +
        `where ${duration(due)} is due after ${duration(after)} (${label}).`,
      details: { minutes: worked, limitMinutes: after, breakMinutes, breakDueMinutes: due },
    });
  return found;
}

/**
 * Judges a processed day by the WORKING_TIME policy in force at the start of that local
 * day. A day processed again (a correction) keeps the violations its first breach made:
 * one violation per person, rule and day.
 */
export async function detectDayBreaches(
  rec: Recording,
  event: CataloguedEvent<typeof DAY_PROCESSED>,
): Promise<void> {
  const day = event.data;
  const zone = await rec.reads.zoneOf(day.employeeId);
  const policy = await rec.reads.policyAt('WORKING_TIME', 'DEFAULT', dayStart(day.date, zone));
  const ref = policyRef(policy);
  for (const breach of dayBreaches(day, policy.rules, policyLabel(ref))) {
    const earlier = await rec.em.count(ViolationSchema, {
      employeeId: day.employeeId,
      rule: breach.rule,
      fromDate: day.date,
      source: DAY_PROCESSED,
    });
    if (earlier) continue;
    await recordViolation(rec, {
      ...breach,
      employeeId: day.employeeId,
      fromDate: day.date,
      toDate: day.date,
      policy: ref,
      source: DAY_PROCESSED,
      sourceEventId: event.id,
    });
  }
}
