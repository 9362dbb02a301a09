import type { EntityManager } from '@mikro-orm/knex';
import { DateTime } from 'luxon';
import type { CataloguedJob } from '../../../../messaging';
import { addDays, dailyRuns, DEFAULT_TIME_ZONE, sqlTable } from '../../../../runtime';
import type { ComplianceSettings } from '../settings';
import { EmployeeCopySchema } from '../entities';
import { emitting, type Emit } from '../events';
import { applyDepartmentRules } from './departments';
import { TrainingAssignmentSchema, TrainingCourseSchema, TrainingReminderSchema } from './entities';
import { trainingDueReached } from './events';
import { statusOf, trainingToday, type StatusDates, type TrainingStatus } from './status';

export const REMINDER_JOB = 'compliance.trainingReminders';

/** Assignments per look; the job goes on until none is left. */
const BATCH = 500;

interface Candidate {
  id: string;
  employee_id: string;
  course_id: string;
  due_date: string;
  completed_on: string | null;
  expires_on: string | null;
  version: number;
  code: string;
  title: string;
  manager_id: string | null;
}

/**
 * Assignments whose deadline (the due date while never completed, else the expiry) is
 * within the window and not yet reminded of, for people who have not left.
 */
async function candidates(em: EntityManager, horizon: string, afterId: string) {
  const a = sqlTable(em, TrainingAssignmentSchema.meta.className);
  const c = sqlTable(em, TrainingCourseSchema.meta.className);
  const e = sqlTable(em, EmployeeCopySchema.meta.className);
  const r = sqlTable(em, TrainingReminderSchema.meta.className);
  const deadline = 'case when a.completed_on is null then a.due_date else a.expires_on end';
  return em.execute<Candidate[]>(
    `select a.id, a.employee_id, a.course_id, a.due_date, a.completed_on, a.expires_on,
            a.version, c.code, c.title, e.manager_id
       from ${a} a
       join ${c} c on c.id = a.course_id
       left join ${e} e on e.id = a.employee_id
      where a.id > ?
        and ${deadline} <= ?
        and (e.status is null or e.status <> 'TERMINATED')
        and not exists (select 1 from ${r} r where r.assignment_id = a.id and r.deadline = ${deadline})
      order by a.id
      limit ${BATCH}`,
    [afterId, horizon],
  );
}

/**
 * Where an assignment stands as its reminder is raised: its deadline is within the window
 * (a completion that never expires has none), so it is never COMPLETED.
 */
function reminderStatus(
  dates: StatusDates,
  today: string,
  reminderDays: number,
): Exclude<TrainingStatus, 'COMPLETED'> {
  const status = statusOf(dates, today, reminderDays);
  if (status === 'COMPLETED') throw new Error('A reminder is raised only within its window.');
  return status;
}

/**
 * Raises `compliance.training.due_reached` once per assignment and deadline: when the
 * assignment falls due, or its completion expires, within the reminder window (or already
 * has). The reminder row, keyed by both, makes a second run raise nothing new.
 */
export async function raiseReminders(
  em: EntityManager,
  settings: ComplianceSettings,
  emit: Emit,
): Promise<number> {
  const today = trainingToday(settings.now());
  const horizon = addDays(today, settings.trainingReminderDays);
  const at = settings.now();
  let raised = 0;
  let afterId = '';
  for (;;) {
    const rows = await candidates(em, horizon, afterId);
    for (const row of rows) {
      const deadline = row.completed_on === null ? row.due_date : row.expires_on!;
      const status = reminderStatus(
        { dueDate: row.due_date, completedOn: row.completed_on, expiresOn: row.expires_on },
        today,
        settings.trainingReminderDays,
      );
      await em.insert(TrainingReminderSchema, {
        assignmentId: row.id,
        deadline,
        status,
        raisedAt: at,
      });
      emit(
        trainingDueReached({
          assignmentId: row.id,
          employeeId: row.employee_id,
          managerId: row.manager_id,
          courseId: row.course_id,
          courseCode: row.code,
          courseTitle: row.title,
          dueDate: deadline,
          renewal: row.completed_on !== null,
          status,
          version: Number(row.version),
        }),
      );
      raised += 1;
    }
    if (rows.length < BATCH) return raised;
    afterId = rows[rows.length - 1]!.id;
  }
}

/** When the run of `date` happens: 06:00 local, before the working day. */
const runAt = (date: string) =>
  DateTime.fromISO(date, { zone: DEFAULT_TIME_ZONE }).set({ hour: 6 }).toJSDate();

/**
 * The daily training job, id `compliance.trainingReminders:<date>`: gives departments'
 * courses to anyone who lacks them, then raises the reminders due. `plan` names today's
 * run (at once when 06:00 has passed) and tomorrow's.
 */
export function trainingReminderJob(settings: ComplianceSettings): CataloguedJob {
  return {
    name: REMINDER_JOB,
    plan: (now) => dailyRuns(REMINDER_JOB, trainingToday(now), runAt),
    async run(ctx) {
      const em = ctx.em as EntityManager;
      const emit = emitting(ctx.emit);
      await applyDepartmentRules(em, settings.now(), emit);
      await raiseReminders(em, settings, emit);
    },
  };
}
