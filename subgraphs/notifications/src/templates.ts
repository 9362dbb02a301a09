import type { EventEnvelope } from '../../../messaging/src/types';
import type { EmployeeCopy } from './entities';
import type { NotificationDraft } from './store';

/** Who is who, from notifications' copy of employees and its configuration. */
export interface Directory {
  /** The employee's copy, or null when not known. */
  employee(id: string): Promise<EmployeeCopy | null>;
  /** Employee ids told of what HR handles (approvals, absences). */
  hr: readonly string[];
  /** Employee ids told of what finance handles (daily close). */
  finance: readonly string[];
  /** Employee ids told of what administrators handle (dead letters). */
  admin: readonly string[];
}

type Data = Record<string, unknown>;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const LEAVE_NAMES: Record<string, string> = {
  ANNUAL: 'annual',
  SICK: 'sick',
  CASUAL: 'casual',
  COMPASSIONATE: 'compassionate',
  PARENTAL: 'parental',
  UNPAID: 'unpaid',
  TOIL: 'time off in lieu',
};

const leaveName = (d: Data) => LEAVE_NAMES[str(d.leaveType)] ?? str(d.leaveType).toLowerCase();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const period = (d: Data) =>
  d.startDate === d.endDate
    ? `on ${str(d.startDate)}`
    : `from ${str(d.startDate)} to ${str(d.endDate)}`;
const leaveSummary = (d: Data) =>
  `${leaveName(d)} leave ${period(d)} (${plural(Number(d.days), 'day')})`;

async function nameOf(dir: Directory, id: unknown): Promise<string> {
  const copy = typeof id === 'string' ? await dir.employee(id) : null;
  const name = [copy?.firstName, copy?.lastName].filter(Boolean).join(' ');
  return name || 'An employee';
}

const to = (ids: (string | null | undefined)[], base: Omit<NotificationDraft, 'recipientId'>) =>
  [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))].map(
    (recipientId) => ({ ...base, recipientId }),
  );

const course = (d: Data) => `${str(d.courseTitle)} (${str(d.courseCode)})`;

/** What the employee is told of a deadline, by where the assignment stands. */
function dueWording(d: Data): { title: string; body: string } {
  const code = str(d.courseCode);
  const date = str(d.dueDate);
  if (d.status === 'OVERDUE')
    return d.renewal
      ? {
          title: `Training expired: ${code}`,
          body: `Your completion of ${course(d)} expired on ${date}. Please renew it.`,
        }
      : {
          title: `Training overdue: ${code}`,
          body: `${course(d)} was due by ${date}. Please complete it now.`,
        };
  return d.renewal
    ? {
        title: `Training expiring: ${code}`,
        body: `Your completion of ${course(d)} expires on ${date}. Please renew it before then.`,
      }
    : { title: `Training due: ${code}`, body: `Please complete ${course(d)} by ${date}.` };
}

/** A training deadline: the employee is told, and when it is overdue, the manager too. */
async function trainingDue(d: Data, dir: Directory, dedupeKey: string) {
  const mine = to([d.employeeId as string], { type: 'TRAINING_DUE', ...dueWording(d), dedupeKey });
  if (d.status !== 'OVERDUE') return mine;
  const who = await nameOf(dir, d.employeeId);
  const theirs = to(
    [d.managerId as string | null].filter((id) => id !== d.employeeId),
    {
      type: 'TRAINING_OVERDUE',
      title: `Overdue training: ${who}`,
      body: `${who} has not completed ${course(d)}, due by ${str(d.dueDate)}.`,
      dedupeKey,
    },
  );
  return [...mine, ...theirs];
}

/**
 * The notifications an event causes, by the templates of DOMAIN.md. Events that do not
 * call for one (or name no one to tell) give none.
 */
export async function notificationsFor(
  event: EventEnvelope,
  dir: Directory,
): Promise<NotificationDraft[]> {
  const d = event.data as Data;
  const dedupeKey = event.id;
  switch (event.type) {
    case 'leave.request.created': {
      const who = await nameOf(dir, d.employeeId);
      return to([d.managerId as string | null], {
        type: 'LEAVE_REQUESTED',
        title: `Leave request from ${who}`,
        body: `${who} asked for ${leaveSummary(d)}. It waits for your decision.`,
        dedupeKey,
      });
    }
    case 'leave.request.approved': {
      const who = await nameOf(dir, d.employeeId);
      return [
        ...to([d.employeeId as string], {
          type: 'LEAVE_APPROVED',
          title: 'Your leave request was approved',
          body: `Your ${leaveSummary(d)} was approved.`,
          dedupeKey,
        }),
        ...to(
          dir.hr.filter((id) => id !== d.employeeId),
          {
            type: 'LEAVE_APPROVED',
            title: `Leave approved for ${who}`,
            body: `${who}'s ${leaveSummary(d)} was approved.`,
            dedupeKey,
          },
        ),
      ];
    }
    case 'leave.request.rejected': {
      const reason = str(d.rejectionReason).trim();
      return to([d.employeeId as string], {
        type: 'LEAVE_REJECTED',
        title: 'Your leave request was rejected',
        body: `Your ${leaveSummary(d)} was rejected.${reason ? `\nReason: ${reason}` : ''}`,
        dedupeKey,
      });
    }
    case 'leave.request.cancelled':
      return to([d.employeeId as string], {
        type: 'LEAVE_CANCELLED',
        title: 'Your leave request was cancelled',
        body: `Your ${leaveSummary(d)} was cancelled.`,
        dedupeKey,
      });
    case 'attendance.late_arrival.detected': {
      const who = await nameOf(dir, d.employeeId);
      return to([d.managerId as string | null], {
        type: 'LATE_ARRIVAL',
        title: `${who} arrived late`,
        body: `${who} checked in ${plural(Number(d.lateByMinutes), 'minute')} late on ${str(d.date)}.`,
        dedupeKey,
      });
    }
    case 'attendance.absence.detected': {
      const who = await nameOf(dir, d.employeeId);
      return to([...dir.hr], {
        type: 'ABSENCE',
        title: `${who} was absent`,
        body: `${who} did not check in on ${str(d.date)} and had no leave.`,
        dedupeKey,
      });
    }
    case 'attendance.day.processed':
      // Reprocessing a day may repeat INCOMPLETE: one notification per day.
      if (d.status !== 'INCOMPLETE') return [];
      return to([d.employeeId as string], {
        type: 'INCOMPLETE_CHECK_OUT',
        title: `Check-out missing on ${str(d.date)}`,
        body: `You checked in on ${str(d.date)} but did not check out. Ask your manager to record the time.`,
        dedupeKey: `incomplete:${str(d.dayId)}`,
      });
    case 'billing.day.closed':
      return to([...dir.finance], {
        type: 'DAY_CLOSED',
        title: `Ledger day ${str(d.date)} closed`,
        body:
          `The ledger day ${str(d.date)} was closed with ${plural(Number(d.transactionCount), 'transaction')}` +
          ` (${Number(d.lateTransactionCount)} late) on ${plural(Number(d.accountCount), 'account')}.`,
        dedupeKey,
      });
    case 'audit.dead_letter.recorded':
      return to([...dir.admin], {
        type: 'DEAD_LETTER',
        title: `Dead letter: ${str(d.eventType)} for ${str(d.consumer)}`,
        body:
          `Consumer ${str(d.consumer)} gave up on an event ${str(d.eventType)} after ` +
          `${plural(Number(d.attempts), 'attempt')} (${str(d.reason)}). ` +
          `Replay or discard dead letter ${str(d.deadLetterId)}.`,
        dedupeKey,
      });
    case 'compliance.training.assigned':
      return to([d.employeeId as string], {
        type: 'TRAINING_ASSIGNED',
        title: `Training assigned: ${str(d.courseCode)}`,
        body: `Please complete ${course(d)} by ${str(d.dueDate)}.`,
        dedupeKey,
      });
    case 'compliance.training.due_reached':
      return trainingDue(d, dir, dedupeKey);
    case 'employees.employee.created': {
      const who = `${str(d.firstName)} ${str(d.lastName)}`.trim() || 'A new employee';
      return to([d.managerId as string | null], {
        type: 'EMPLOYEE_CREATED',
        title: `${who} joined your team`,
        body: `${who} (${str(d.jobTitle)}, ${str(d.department)}) starts on ${str(d.hireDate)} and reports to you.`,
        dedupeKey,
      });
    }
    default:
      return [];
  }
}
