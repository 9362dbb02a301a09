import type { LeaveType } from '../../../runtime';

const NAMES: Record<LeaveType, string> = {
  ANNUAL: 'Annual leave',
  SICK: 'Sick leave',
  CASUAL: 'Casual leave',
  COMPASSIONATE: 'Compassionate leave',
  PARENTAL: 'Parental leave',
  UNPAID: 'Unpaid leave',
  TOIL: 'Time off in lieu',
};

/** A leave type in words, as messages to people name it (`ANNUAL`: "Annual leave"). */
export const leaveTypeName = (type: string): string => NAMES[type as LeaveType] ?? `${type} leave`;
