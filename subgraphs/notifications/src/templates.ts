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

const ACCRUAL_NAMES: Record<string, string> = {
  ANNUAL_TARGET_HOURS: 'annual target hours',
  NIGHT_HOURS: 'night hours',
  WEEKEND_HOURS: 'weekend hours',
  PUBLIC_HOLIDAY_HOURS: 'public holiday hours',
  ON_CALL_WEEKDAY: 'weekday on-call periods',
  ON_CALL_WEEKEND: 'weekend on-call periods',
  ON_CALL_PUBLIC_HOLIDAY: 'public holiday on-call periods',
};

/** Bands worth telling people about: a balance 15 % or more off its expected share. */
const OFF_TRACK_BANDS = ['15-25', '25+'];

const amount = (n: unknown) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(Number(n));

/** E.g. "18 % behind where they should be by 2026-12-02 (1,020 of 1,245 h expected)". */
function offTrackBy(d: Data): string {
  const deviation = Number(d.deviationPercent);
  const side = str(d.status).startsWith('AHEAD') ? 'ahead of' : 'behind';
  const size = Number.isFinite(deviation) ? `${amount(Math.abs(deviation))} %` : str(d.band) + ' %';
  const unit = d.measurementUnit === 'HOURS' ? ' h' : '';
  return (
    `${size} ${side} where they should be by ${str(d.date)} ` +
    `(${amount(d.worked)} of ${amount(d.expectedToDate)}${unit} expected)`
  );
}

/**
 * A balance that moved into a band 15 % or more off track: the employee and their manager
 * (from the copy of employees) are told, once per change of band; a move within 15 %, or
 * back on track, tells nobody.
 */
async function balanceOffTrack(d: Data, dir: Directory, dedupeKey: string) {
  if (!OFF_TRACK_BANDS.includes(str(d.band)) || d.status === d.previousStatus) return [];
  const what = ACCRUAL_NAMES[str(d.accrualType)] ?? str(d.accrualType).toLowerCase();
  const employee = typeof d.employeeId === 'string' ? await dir.employee(d.employeeId) : null;
  const who = await nameOf(dir, d.employeeId);
  const base = { type: 'BALANCE_OFF_TRACK' as const, dedupeKey };
  return [
    ...to([d.employeeId as string], {
      ...base,
      title: `Your ${what} are off track`,
      body: `Your ${what} are ${offTrackBy(d)}.`,
    }),
    ...to(
      [employee?.managerId].filter((id) => id !== d.employeeId),
      {
        ...base,
        title: `${who}'s ${what} are off track`,
        body: `${who}'s ${what} are ${offTrackBy(d)}.`,
      },
    ),
  ];
}
/** How a violation's title names its rule. */
const VIOLATION_TITLES: Record<string, string> = {
  HR_EXCEPTION: 'working-time exception recorded',
  DAILY_OVERTIME_CAP: 'over the daily overtime cap',
  LONGEST_SHIFT: 'over the longest shift',
  MINIMUM_BREAK: 'break too short',
  LATE_PATTERN: 'a pattern of late arrivals',
};

/** A sentence carried on after a name: `Overtime was…` reads `overtime was…`, `HR …` stays. */
const continued = (sentence: string) =>
  /^[A-Z][a-z]/.test(sentence) ? sentence[0].toLowerCase() + sentence.slice(1) : sentence;

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
 * The notifications an event causes, by the templates of docs/domain.md#notifications. Events
 * that do not call for one (or name no one to tell) give none.
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
    case 'accruals.balance_status.changed':
      return balanceOffTrack(d, dir, dedupeKey);
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
    case 'compliance.violation.detected': {
      const who = await nameOf(dir, d.employeeId);
      return to([...dir.hr.filter((id) => id !== d.employeeId), d.managerId as string | null], {
        type: 'COMPLIANCE_VIOLATION',
        title: `Compliance: ${who}, ${VIOLATION_TITLES[str(d.rule)] ?? 'a policy breached'}`,
        body: `${who}: ${continued(str(d.message))}`,
        dedupeKey,
      });
    }
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
