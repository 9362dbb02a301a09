import {
  type AttendanceRules,
  DEFAULT_ATTENDANCE_RULES,
  DEFAULT_VARIABLES,
} from '../../../runtime';

/**
 * Attendance's rules as the deployment starts with them: version 1 of compliance's
 * ATTENDANCE policy, given to `createAttendance` or read once from the environment at start.
 * A bad value stops the process with a message naming the variable
 * (docs/architecture.md#operations). The rules without a variable keep the kit's defaults.
 */
export type AttendanceSettings = AttendanceRules;

export const DEFAULT_SETTINGS: AttendanceSettings = DEFAULT_ATTENDANCE_RULES;

const VARIABLES = DEFAULT_VARIABLES.ATTENDANCE;

function minutes(env: NodeJS.ProcessEnv, key: keyof typeof VARIABLES, max: number): number {
  const name = VARIABLES[key];
  const raw = env[name];
  if (raw === undefined || raw === '') return DEFAULT_SETTINGS[key] as number;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new Error(`${name} must be a whole number of minutes from 0 to ${max}; got "${raw}".`);
  return value;
}

/** The settings from `env`, each variable optional. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): AttendanceSettings {
  const start = env[VARIABLES.workdayStart] || DEFAULT_SETTINGS.workdayStart;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(start))
    throw new Error(`${VARIABLES.workdayStart} must be a clock time HH:MM; got "${start}".`);
  return {
    ...DEFAULT_SETTINGS,
    graceMinutes: minutes(env, 'graceMinutes', 240),
    halfDayMinutes: minutes(env, 'halfDayMinutes', 1440),
    overtimeToleranceMinutes: minutes(env, 'overtimeToleranceMinutes', 240),
    workdayStart: start,
  };
}

/** Options of `createAttendance`. */
export interface AttendanceOptions {
  /** The rules over the defaults; without them, the ATTENDANCE_* variables (read once, at start). */
  settings?: Partial<AttendanceSettings>;
}

/** The module's settings: the options' over the defaults, else the environment's, read once. */
export function settingsOf(options: AttendanceOptions): () => AttendanceSettings {
  let current = options.settings && { ...DEFAULT_SETTINGS, ...options.settings };
  return () => (current ??= readSettings());
}
