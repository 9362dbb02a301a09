import type { EventData } from '../../../../messaging';
import { nameOf, str, to, type Template } from './wording';

type Training = EventData<'compliance.training.assigned' | 'compliance.training.due_reached'>;

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

const course = (d: Training) => `${str(d.courseTitle)} (${str(d.courseCode)})`;

/** HR and the manager learn of a violation. */
export const violationDetected: Template<'compliance.violation.detected'> = async (
  d,
  dir,
  dedupeKey,
) => {
  const who = await nameOf(dir, d.employeeId);
  return to([...dir.hr.filter((id) => id !== d.employeeId), d.managerId], {
    type: 'COMPLIANCE_VIOLATION',
    title: `Compliance: ${who}, ${VIOLATION_TITLES[str(d.rule)] ?? 'a policy breached'}`,
    body: `${who}: ${continued(str(d.message))}`,
    dedupeKey,
  });
};

export const trainingAssigned: Template<'compliance.training.assigned'> = (d, _dir, dedupeKey) =>
  to([d.employeeId], {
    type: 'TRAINING_ASSIGNED',
    title: `Training assigned: ${str(d.courseCode)}`,
    body: `Please complete ${course(d)} by ${str(d.dueDate)}.`,
    dedupeKey,
  });

/** What the employee is told of a deadline, by where the assignment stands. */
function dueWording(d: EventData<'compliance.training.due_reached'>): {
  title: string;
  body: string;
} {
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
export const trainingDue: Template<'compliance.training.due_reached'> = async (
  d,
  dir,
  dedupeKey,
) => {
  const mine = to([d.employeeId], { type: 'TRAINING_DUE', ...dueWording(d), dedupeKey });
  if (d.status !== 'OVERDUE') return mine;
  const who = await nameOf(dir, d.employeeId);
  const theirs = to(
    [d.managerId].filter((id) => id !== d.employeeId),
    {
      type: 'TRAINING_OVERDUE',
      title: `Overdue training: ${who}`,
      body: `${who} has not completed ${course(d)}, due by ${str(d.dueDate)}.`,
      dedupeKey,
    },
  );
  return [...mine, ...theirs];
};
