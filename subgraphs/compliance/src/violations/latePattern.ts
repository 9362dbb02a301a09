import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import type { CataloguedEvent } from '../../../../messaging';
import { addDays, lockEmployee, policyLabel, policyRef } from '../../../../runtime';
import { EmployeeCopySchema } from '../entities';
import { dayStart } from './employeeDays';
import { LateArrivalSchema, ViolationSchema } from './entities';
import { recordViolation, type Recording } from './recordViolation';

export const LATE_ARRIVAL_DETECTED = 'attendance.late_arrival.detected';

/** The day after the last pattern recorded for the person: lates before it are spent. */
async function spentUntil(rec: Recording, employeeId: string): Promise<string | null> {
  const last = await rec.em.findOne(
    ViolationSchema,
    { employeeId, rule: 'LATE_PATTERN' },
    { orderBy: { toDate: 'desc' } },
  );
  return last?.toDate ?? null;
}

/**
 * Keeps the late arrival, then judges the person's lates by the ATTENDANCE policy in force
 * at the start of that day: `latePatternCount` of them within `latePatternDays` make one
 * violation for the window. Lates already in a pattern do not count again, so the next
 * violation needs as many new lates after it.
 */
export async function detectLatePattern(
  rec: Recording,
  event: CataloguedEvent<typeof LATE_ARRIVAL_DETECTED>,
): Promise<void> {
  const late = event.data;
  const { em } = rec;
  // The person's turn: two lates handled at once must not both complete one pattern.
  await lockEmployee(em as EntityManager, EmployeeCopySchema, late.employeeId);
  if (await em.findOne(LateArrivalSchema, { employeeId: late.employeeId, date: late.date })) return;
  em.persist(
    em.create(LateArrivalSchema, {
      id: uuidv7(),
      employeeId: late.employeeId,
      date: late.date,
      dayId: late.dayId,
      lateByMinutes: late.lateByMinutes,
      sourceEventId: event.id,
      receivedAt: rec.now,
    }),
  );
  await em.flush();
  const zone = await rec.reads.zoneOf(late.employeeId);
  const policy = await rec.reads.policyAt('ATTENDANCE', 'DEFAULT', dayStart(late.date, zone));
  const { latePatternCount: count, latePatternDays: window } = policy.rules;
  if (count < 1) return;
  const windowStart = addDays(late.date, 1 - window);
  const spent = await spentUntil(rec, late.employeeId);
  const from = spent && spent >= windowStart ? addDays(spent, 1) : windowStart;
  const lates = await em.find(
    LateArrivalSchema,
    { employeeId: late.employeeId, date: { $gte: from, $lte: late.date } },
    { orderBy: { date: 'asc' } },
  );
  if (lates.length < count) return;
  const ref = policyRef(policy);
  const first = lates[0].date;
  await recordViolation(rec, {
    employeeId: late.employeeId,
    rule: 'LATE_PATTERN',
    message:
      `${lates.length} late arrivals from ${first} to ${late.date}, a pattern of ` +
      `${count} within ${window} days (${policyLabel(ref)}).`,
    fromDate: first,
    toDate: late.date,
    policy: ref,
    details: { lateArrivals: lates.length, windowDays: window },
    source: LATE_ARRIVAL_DETECTED,
    sourceEventId: event.id,
  });
}
