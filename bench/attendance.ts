import type { EntitySchema, MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection, EntityManager } from '@mikro-orm/knex';
import {
  type CataloguedDraft,
  createEvent,
  DEFAULT_NAMESPACE,
  InboxEntry,
  OutboxEntry,
  recordEvent,
} from '../messaging';
import { openDatabase } from '../runtime';
// The bench writes attendance's own tables directly, so it reads the entity schemas.
import * as tables from '../subgraphs/attendance/src/entities';
import { attendance, createProcessDayJob } from '../subgraphs/attendance/src';
import { createTestDatabase } from '../test-support/database';
import { databaseKnob } from './lib/databaseKnob';
import { runBench } from './lib/runBench';

/** The overnight job as the attendance subgraph declares it (the ATTENDANCE_* settings). */
const processDayJob = createProcessDayJob(attendance.policies);

/**
 * `npm run bench:attendance`: the overnight job `attendance.processDay` for ONE local day of
 * EMPLOYEES people (10,000). Seeds attendance's own tables in bulk (employee copies,
 * agreements' working patterns, published shifts, check-ins, approved and cancelled leave
 * around the Spring bank holiday, which is the day before), runs the job in one transaction
 * as the scheduler does (its events go to the outbox), and prints the time, the SQL
 * statements it issued and the statuses it stored. Then runs it again for the same day,
 * which must change nothing. Each run's CPU time in this process is printed beside its
 * elapsed time, since a shared machine stretches the latter.
 * Knobs: EMPLOYEES (10000), DATABASE (postgres: a fresh database on TEST_PG_URL, dropped
 * afterwards; sqlite: a temporary file).
 */
const EMPLOYEES = Number(process.env.EMPLOYEES ?? 10_000);
/** A Tuesday in British Summer Time (UTC+1); Monday 26 May 2025 is a bank holiday. */
const DAY = '2025-05-27';
const HOLIDAY = '2025-05-26';
/** When the job runs: long after the day ended in every zone. */
const RUN_AT = new Date('2025-05-29T01:05:00Z');
/** Rows per INSERT: 500 rows of 20 columns stay inside SQLite's parameter limit. */
const BATCH = 500;

const id = (kind: number, i: number) =>
  `0197${String(kind).padStart(4, '0')}-0000-7000-8000-${String(i).padStart(12, '0')}`;
const utc = (clock: string) => new Date(`${DAY}T${clock}:00Z`);
const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/** What employee `i` did on DAY, by share of the workforce (of every 100 people). */
type Scenario = 'LEAVE' | 'ABSENT' | 'NO_OUT' | 'SHORT' | 'LATE' | 'OFF' | 'LEFT' | 'ON_TIME';
function scenario(i: number): Scenario {
  const n = i % 100;
  if (n < 5) return 'LEAVE';
  if (n < 9) return 'ABSENT';
  if (n < 12) return 'NO_OUT';
  if (n < 16) return 'SHORT';
  if (n < 30) return 'LATE';
  // A part-timer whose pattern has no Tuesday.
  if (n < 32) return 'OFF';
  // Terminated before the day.
  if (n < 33) return 'LEFT';
  return 'ON_TIME';
}

/** One in three works a published shift (07:00-15:00 local), the rest the 09:00 pattern. */
const onShift = (i: number) => i % 3 === 0;
/** Planned start in UTC: London is UTC+1 in May. */
const plannedStart = (i: number) => (onShift(i) ? utc('06:00') : utc('08:00'));

const employee = (i: number): tables.EmployeeCopy => ({
  id: id(1, i),
  status: scenario(i) === 'LEFT' ? 'TERMINATED' : 'ACTIVE',
  managerId: i % 10 === 0 ? null : id(1, i - (i % 10)),
  location: 'ENGLAND_AND_WALES',
  timeZone: 'Europe/London',
  hireDate: '2020-01-06',
  terminationDate: scenario(i) === 'LEFT' ? '2025-05-16' : null,
  version: 1,
  writeLock: 0,
  updatedAt: RUN_AT,
});

const agreement = (i: number): tables.AgreementCopy => ({
  id: id(2, i),
  employeeId: id(1, i),
  startDate: '2025-04-01',
  endDate: '2026-03-31',
  workingDays: scenario(i) === 'OFF' ? ['THU', 'FRI'] : ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  weeklyMinutes: scenario(i) === 'OFF' ? 900 : 2250,
  version: 1,
});

/** The day's shift, plus yesterday's (a holiday shift) to make the window read more. */
const shifts = (i: number): tables.ShiftCopy[] =>
  onShift(i) && scenario(i) !== 'OFF'
    ? [
        { id: id(3, 2 * i), start: utc('06:00'), end: utc('14:00') },
        {
          id: id(3, 2 * i + 1),
          start: new Date(`${HOLIDAY}T06:00:00Z`),
          end: new Date(`${HOLIDAY}T14:00:00Z`),
        },
      ].map((s) => ({ ...s, employeeId: id(1, i), scheduleId: id(4, i), replaced: false }))
    : [];

/** The check-in (and check-out) of the day, if the scenario has one. */
function entry(i: number): tables.AttendanceEntry | null {
  const kind = scenario(i);
  if (['LEAVE', 'ABSENT', 'OFF', 'LEFT'].includes(kind)) return null;
  const start = plannedStart(i);
  const late = kind === 'LATE' ? 15 + (i % 40) : i % 8;
  const checkIn = minutesAfter(start, late);
  const worked = kind === 'SHORT' ? 150 + (i % 60) : 450 + (i % 45);
  return {
    id: id(5, i),
    employeeId: id(1, i),
    date: DAY,
    checkInTime: checkIn,
    checkInLocation: 'Main entrance',
    checkInDevice: 'badge-01',
    checkOutTime: kind === 'NO_OUT' ? null : minutesAfter(checkIn, worked),
    checkOutLocation: kind === 'NO_OUT' ? null : 'Main entrance',
    checkOutDevice: kind === 'NO_OUT' ? null : 'badge-01',
    source: 'DEVICE',
    reason: null,
    recordedBy: id(1, i),
    correctsId: null,
    supersededById: null,
    plannedStart: start,
    plannedEnd: minutesAfter(start, onShift(i) ? 480 : 450),
    lateByMinutes: late > 10 ? late : 0,
    earlyExitMinutes: 0,
    version: kind === 'NO_OUT' ? 1 : 2,
    correlationId: 'bench-seed',
    createdAt: checkIn,
    updatedAt: checkIn,
  };
}

/** A week's leave around the holiday (which it does not charge); some others were cancelled. */
function leave(i: number): tables.LeaveCopy | null {
  const kind = scenario(i);
  if (kind !== 'LEAVE' && i % 50 !== 40) return null;
  return {
    id: id(6, i),
    employeeId: id(1, i),
    leaveType: 'ANNUAL',
    startDate: HOLIDAY,
    endDate: '2025-05-30',
    startHalf: false,
    endHalf: false,
    dates: ['2025-05-27', '2025-05-28', '2025-05-29', '2025-05-30'],
    status: kind === 'LEAVE' ? 'APPROVED' : 'CANCELLED',
    version: kind === 'LEAVE' ? 2 : 3,
  };
}

async function insertAll<T extends object>(
  em: EntityManager,
  schema: EntitySchema<T>,
  rows: T[],
): Promise<void> {
  for (let from = 0; from < rows.length; from += BATCH)
    await em.insertMany(schema, rows.slice(from, from + BATCH));
}

async function seed(orm: MikroORM): Promise<void> {
  const em = orm.em.fork() as EntityManager;
  const all = Array.from({ length: EMPLOYEES }, (_, i) => i);
  const present = <T>(rows: (T | null)[]) => rows.filter((r): r is T => r !== null);
  await insertAll(em, tables.EmployeeCopySchema, all.map(employee));
  await insertAll(em, tables.AgreementCopySchema, all.map(agreement));
  await insertAll(em, tables.ShiftCopySchema, all.flatMap(shifts));
  await insertAll(em, tables.AttendanceEntrySchema, present(all.map(entry)));
  await insertAll(em, tables.LeaveCopySchema, present(all.map(leave)));
}

/** Runs the job for DAY as the scheduler does: one transaction, events into the outbox. */
async function runJob(orm: MikroORM): Promise<{ ms: number; cpuMs: number; queries: number }> {
  const knex = (orm.em.getConnection() as AbstractSqlConnection).getKnex();
  let queries = 0;
  const count = () => void (queries += 1);
  knex.on('query', count);
  const jobId = `${processDayJob.name}:bench`;
  const meta = { source: '/subgraphs/attendance', correlationId: jobId, actor: 'system:scheduler' };
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    await orm.em.fork().transactional(async (em) => {
      await processDayJob.run({
        jobId,
        runAt: RUN_AT,
        payload: { date: DAY },
        em,
        correlationId: jobId,
        emit: (draft: CataloguedDraft) =>
          recordEvent(em, createEvent(draft, meta), DEFAULT_NAMESPACE),
        schedule: () => undefined,
      });
      await em.flush();
    });
  } finally {
    knex.removeListener('query', count);
  }
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, queries };
}

/** What is stored: days by status, late days, the highest version, the outbox size. */
async function stored(orm: MikroORM) {
  const em = orm.em.fork() as EntityManager;
  const byStatus: Record<string, number> = {};
  for (const status of tables.ATTENDANCE_STATUSES)
    byStatus[status] = await em.count(tables.AttendanceDaySchema, { date: DAY, status });
  const late = await em.count(tables.AttendanceDaySchema, { date: DAY, lateByMinutes: { $gt: 0 } });
  const top = await em.findOne(
    tables.AttendanceDaySchema,
    { date: DAY },
    { orderBy: { version: 'desc' } },
  );
  const outbox = await em.count(OutboxEntry, {});
  return { byStatus, late, maxVersion: top?.version ?? 0, outbox };
}

const rate = (ms: number) => `${((EMPLOYEES / ms) * 1000).toFixed(0)} employees/s`;

async function main(): Promise<void> {
  databaseKnob('postgres');
  const db = await createTestDatabase();
  let orm: MikroORM | undefined;
  try {
    orm = await openDatabase({
      target: db.target('attendance'),
      entities: [...tables.entities, OutboxEntry, InboxEntry],
    });
    const seeding = performance.now();
    await seed(orm);
    const seeded = performance.now() - seeding;
    const first = await runJob(orm);
    const after = await stored(orm);
    const second = await runJob(orm);
    const again = await stored(orm);
    const same = JSON.stringify(after) === JSON.stringify(again);
    console.log(
      [
        `database: ${db.url ? 'PostgreSQL' : 'SQLite'}; ${EMPLOYEES} employees; day ${DAY} (seeded in ${seeded.toFixed(0)} ms)`,
        `processDay: ${first.ms.toFixed(0)} ms (${first.cpuMs.toFixed(0)} ms CPU in this process), ${rate(first.ms)}, ${first.queries} SQL queries (${(first.queries / EMPLOYEES).toFixed(3)} per employee)`,
        `stored: ${JSON.stringify(after.byStatus)}, ${after.late} late, ${after.outbox} events in the outbox`,
        `again, same day: ${second.ms.toFixed(0)} ms (${second.cpuMs.toFixed(0)} ms CPU), ${second.queries} SQL queries; ${same ? 'nothing changed' : `CHANGED: ${JSON.stringify(again)}`}`,
      ].join('\n'),
    );
    if (!same) process.exitCode = 1;
  } finally {
    await orm?.close();
    await db.drop();
  }
}

runBench(main);
