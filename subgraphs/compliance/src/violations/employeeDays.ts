import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE } from '../../../../runtime';
import { EmployeeCopySchema } from '../entities';

/** The employee's zone in compliance's copy; the default zone for someone not known yet. */
export async function zoneOf(em: EntityManager, employeeId: string): Promise<string> {
  return (await em.findOne(EmployeeCopySchema, employeeId))?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The instant a local day starts: each day is judged by the policy in force then. */
export const dayStart = (date: string, zone: string): Date =>
  DateTime.fromISO(date, { zone }).startOf('day').toJSDate();
