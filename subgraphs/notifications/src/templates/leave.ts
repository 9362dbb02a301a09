import type { EventData } from '../../../../messaging';
import { nameOf, plural, str, to, type Template } from './wording';

type Request = EventData<
  | 'leave.request.created'
  | 'leave.request.approved'
  | 'leave.request.rejected'
  | 'leave.request.cancelled'
>;

const LEAVE_NAMES: Record<string, string> = {
  ANNUAL: 'annual',
  SICK: 'sick',
  CASUAL: 'casual',
  COMPASSIONATE: 'compassionate',
  PARENTAL: 'parental',
  UNPAID: 'unpaid',
  TOIL: 'time off in lieu',
};

const leaveName = (d: Request) => LEAVE_NAMES[str(d.leaveType)] ?? str(d.leaveType).toLowerCase();
const period = (d: Request) =>
  d.startDate === d.endDate
    ? `on ${str(d.startDate)}`
    : `from ${str(d.startDate)} to ${str(d.endDate)}`;
const leaveSummary = (d: Request) =>
  `${leaveName(d)} leave ${period(d)} (${plural(Number(d.days), 'day')})`;

/** The manager decides a request. */
export const leaveRequested: Template<'leave.request.created'> = async (d, dir, dedupeKey) => {
  const who = await nameOf(dir, d.employeeId);
  return to([d.managerId], {
    type: 'LEAVE_REQUESTED',
    title: `Leave request from ${who}`,
    body: `${who} asked for ${leaveSummary(d)}. It waits for your decision.`,
    dedupeKey,
  });
};

/** The employee and HR learn of an approval. */
export const leaveApproved: Template<'leave.request.approved'> = async (d, dir, dedupeKey) => {
  const who = await nameOf(dir, d.employeeId);
  return [
    ...to([d.employeeId], {
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
};

export const leaveRejected: Template<'leave.request.rejected'> = (d, _dir, dedupeKey) => {
  const reason = str(d.rejectionReason).trim();
  return to([d.employeeId], {
    type: 'LEAVE_REJECTED',
    title: 'Your leave request was rejected',
    body: `Your ${leaveSummary(d)} was rejected.${reason ? `\nReason: ${reason}` : ''}`,
    dedupeKey,
  });
};

export const leaveCancelled: Template<'leave.request.cancelled'> = (d, _dir, dedupeKey) =>
  to([d.employeeId], {
    type: 'LEAVE_CANCELLED',
    title: 'Your leave request was cancelled',
    body: `Your ${leaveSummary(d)} was cancelled.`,
    dedupeKey,
  });
