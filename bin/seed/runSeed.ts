import { createSeedClient, type SeedCaller } from './createSeedClient';
import { DEFAULT_SIZE, peopleOf } from './organisation';
import type { SeedContext } from './SeedContext';
import { seedCalendar } from './seedCalendar';
import { seedAgreements } from './steps/agreements';
import { seedAttendance, type AttendanceSummary } from './steps/attendance';
import { seedGrades } from './steps/grades';
import { seedLeave } from './steps/leave';
import { seedNotifications } from './steps/notifications';
import { seedPeople } from './steps/people';
import { seedTime } from './steps/time';
import { seedTraining, type TrainingSummary } from './steps/training';

export interface SeedOptions {
  /** The gateway's GraphQL URL. */
  url: string;
  /** Signs a token for a caller: HR and finance for the organisation, each person for their day. */
  token(caller: SeedCaller): Promise<string>;
  /** How many people (default: all of about fifty; fewer for a quick test). */
  size?: number;
  /**
   * How many of the month's working days, the latest, get time entries and attendance
   * (default: all of them, about 21; attendance at most the last ten).
   */
  days?: number;
  /** The day the month of data ends before (default: now). */
  now?: Date;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface SeedSummary {
  people: number;
  departments: Record<string, number>;
  /** Employee ids by the organisation's keys (`director`, `ed-manager`, ...). */
  ids: Record<string, string>;
  grades: number;
  agreements: number;
  timeEntries: number;
  attendance: AttendanceSummary;
  leave: Record<string, number>;
  training: TrainingSummary;
  welcomed: number;
  /** Requests sent to the gateway. */
  requests: number;
}

/**
 * Builds the demo organisation through the gateway, step by step, as the people in it
 * would. Every write either carries an idempotency key or is made only after reading
 * that it is still needed, so running it again changes nothing.
 */
export async function runSeed(options: SeedOptions): Promise<SeedSummary> {
  const people = peopleOf(options.size ?? DEFAULT_SIZE);
  const ctx: SeedContext = {
    client: createSeedClient(options),
    calendar: seedCalendar(options.now, options.days),
    people,
    ids: new Map(),
    hr: { role: 'HR', sub: 'service:seed' },
    log: options.log ?? (() => {}),
  };
  const grades = await seedGrades(ctx);
  await seedPeople(ctx);
  const agreements = await seedAgreements(ctx);
  const timeEntries = await seedTime(ctx);
  const attendance = await seedAttendance(ctx);
  const leave = await seedLeave(ctx);
  const training = await seedTraining(ctx);
  const welcomed = await seedNotifications(ctx);
  const departments: Record<string, number> = {};
  for (const person of people)
    departments[person.department] = (departments[person.department] ?? 0) + 1;
  return {
    people: people.length,
    departments,
    ids: Object.fromEntries(ctx.ids),
    grades,
    agreements,
    timeEntries,
    attendance,
    leave,
    training,
    welcomed,
    requests: ctx.client.requests,
  };
}
