/**
 * Leave's settings: the leave types and their rules come from the compliance kit (version 1
 * of each LEAVE policy is the defaults below, with the deployment's overrides); the default
 * leave year stays leave's own, and so does the working week (`days.ts`).
 */
import {
  checkPolicyRules,
  DEFAULT_LEAVE_RULES,
  LEAVE_TYPES,
  type LeaveRules,
  type LeaveType,
} from '../../../runtime';
import type { LeavePolicies } from './leavePolicies';

/** Leave configuration: version 1 of each type's rules, and the leave year without an agreement. */
export interface LeaveConfig {
  policies: Record<LeaveType, LeaveRules>;
  /** `MM-DD` the leave year starts on without an agreement (the agreement year otherwise). */
  leaveYearStart: string;
}

export const DEFAULT_LEAVE_YEAR_START = '04-01';

/** What a deployment (or a test) may change: any rule of any type, and the default leave year. */
export interface LeaveConfigOverrides {
  policies?: Partial<Record<LeaveType, Partial<LeaveRules>>>;
  leaveYearStart?: string;
}

/** The defaults with `overrides` laid over them; a bad value stops with a message naming it. */
export function leaveConfig(overrides: LeaveConfigOverrides = {}): LeaveConfig {
  const policies = {} as Record<LeaveType, LeaveRules>;
  for (const type of LEAVE_TYPES) {
    const merged: LeaveRules = { ...DEFAULT_LEAVE_RULES[type], ...overrides.policies?.[type] };
    const [problem] = checkPolicyRules('LEAVE', type, merged);
    if (problem)
      throw new Error(
        `Leave policy ${type}.${problem.field.replace(/^rules\./, '')}: ${problem.message}`,
      );
    policies[type] = merged;
  }
  const leaveYearStart = overrides.leaveYearStart ?? DEFAULT_LEAVE_YEAR_START;
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d)$/.test(leaveYearStart))
    throw new Error('leaveYearStart must be MM-DD, a day from 01 to 29.');
  return { policies, leaveYearStart };
}

/** What `createLeave` takes: the configuration's overrides and the clock. */
export interface LeaveOptions extends LeaveConfigOverrides {
  /** The clock "today" and notice periods are measured from (default: the system clock). */
  now?: () => Date;
}

/** What the module is built with: the configuration, the policy copies and the clock. */
export interface LeaveSettings {
  config: LeaveConfig;
  policies: LeavePolicies;
  now: () => Date;
}
