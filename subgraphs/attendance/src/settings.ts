/**
 * Attendance's tunable rules, read once from the environment at start. A bad value stops
 * the process with a message naming the variable (DESIGN.md §7).
 */
export interface AttendanceSettings {
  /** Minutes after the planned start before a check-in is late (and before the end for early exit). */
  graceMinutes: number;
  /** Worked minutes from which a day is PRESENT rather than HALF_DAY. */
  halfDayMinutes: number;
  /** Minutes beyond the planned ones that do not count as overtime. */
  overtimeToleranceMinutes: number;
  /** Local clock time (`HH:MM`) a working-pattern day starts when there is no published shift. */
  workdayStart: string;
}

export const DEFAULT_SETTINGS: AttendanceSettings = {
  graceMinutes: 10,
  halfDayMinutes: 240,
  overtimeToleranceMinutes: 15,
  workdayStart: '09:00',
};

function minutes(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new Error(`${name} must be a whole number of minutes from 0 to ${max}; got "${raw}".`);
  return value;
}

/** The settings from `env`, each variable optional. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): AttendanceSettings {
  const start = env.ATTENDANCE_WORKDAY_START || DEFAULT_SETTINGS.workdayStart;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(start))
    throw new Error(`ATTENDANCE_WORKDAY_START must be a clock time HH:MM; got "${start}".`);
  return {
    graceMinutes: minutes(env, 'ATTENDANCE_GRACE_MINUTES', DEFAULT_SETTINGS.graceMinutes, 240),
    halfDayMinutes: minutes(
      env,
      'ATTENDANCE_HALF_DAY_MINUTES',
      DEFAULT_SETTINGS.halfDayMinutes,
      1440,
    ),
    overtimeToleranceMinutes: minutes(
      env,
      'ATTENDANCE_OVERTIME_TOLERANCE_MINUTES',
      DEFAULT_SETTINGS.overtimeToleranceMinutes,
      240,
    ),
    workdayStart: start,
  };
}

let current: AttendanceSettings | undefined;

/** The process's settings, read on first use. */
export const settings = (): AttendanceSettings => (current ??= readSettings());

/** Replaces the settings (tests). */
export function useSettings(next: Partial<AttendanceSettings> | undefined): void {
  current = next ? { ...DEFAULT_SETTINGS, ...next } : undefined;
}
