import type { Problem } from '../../api/problemsOf';
import type { LeaveType } from '../../gql/graphql';

/** A leave request as typed. */
export interface LeaveDraft {
  leaveType: LeaveType;
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
  reason: string;
}

export const EMPTY_DRAFT: LeaveDraft = {
  leaveType: 'ANNUAL',
  startDate: '',
  endDate: '',
  halfDayStart: false,
  halfDayEnd: false,
  reason: '',
};

/** Whether both days are chosen, so the request can be counted, checked and sent. */
export const hasDays = (draft: LeaveDraft) => Boolean(draft.startDate && draft.endDate);

/** The last day before the first, said beside the last day's field before anything is sent. */
export function rangeProblem(draft: LeaveDraft): Problem | undefined {
  if (hasDays(draft) && draft.endDate < draft.startDate)
    return { message: 'The last day must not be before the first day.', field: 'endDate' };
  return undefined;
}

/** The days the request covers, as the check and the preview take them. */
export const spanOf = ({
  leaveType,
  startDate,
  endDate,
  halfDayStart,
  halfDayEnd,
}: LeaveDraft) => ({
  leaveType,
  startDate,
  endDate,
  halfDayStart,
  halfDayEnd,
});
