import type { LeaveType } from '../../gql/graphql';
import { LEAVE_TYPE_LABELS } from '../../ui/enumLabels';

/** Every kind of leave, in the order the form offers them: the schema's, through its words. */
export const LEAVE_TYPES = Object.keys(LEAVE_TYPE_LABELS) as LeaveType[];

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
