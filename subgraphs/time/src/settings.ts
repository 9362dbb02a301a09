/**
 * The working-time rules' limits (docs/working-time.md), read once from the
 * environment at start. A bad value stops the process with a message naming the variable
 * (DESIGN.md §7).
 */
export interface TimeSettings {
  /** Days after today (the employee's local today) on which an entry may still start. */
  futureStartDays: number;
  /** The longest entry, in minutes. */
  maxEntryMinutes: number;
  /** The most OVERTIME one person may record on one local day, in minutes. */
  dailyOvertimeCapMinutes: number;
  /** Worked minutes in one entry beyond which a meal break is due. */
  minimumBreakAfterMinutes: number;
  /** The meal break due then, in minutes. */
  minimumBreakMinutes: number;
}

export const DEFAULT_SETTINGS: TimeSettings = {
  futureStartDays: 0,
  maxEntryMinutes: 24 * 60,
  // 8 contracted hours, 4 of overtime and a 30-minute break leave the 11 consecutive hours'
  // daily rest of the Working Time Regulations.
  dailyOvertimeCapMinutes: 4 * 60,
  minimumBreakAfterMinutes: 6 * 60,
  minimumBreakMinutes: 30,
};

/** Each setting's variable and the whole numbers it accepts. */
const VARIABLES: Record<keyof TimeSettings, { name: string; min: number; max: number }> = {
  futureStartDays: { name: 'TIME_FUTURE_START_DAYS', min: 0, max: 366 },
  maxEntryMinutes: { name: 'TIME_MAX_ENTRY_MINUTES', min: 1, max: 7 * 24 * 60 },
  dailyOvertimeCapMinutes: { name: 'TIME_DAILY_OVERTIME_CAP_MINUTES', min: 0, max: 24 * 60 },
  minimumBreakAfterMinutes: { name: 'TIME_MINIMUM_BREAK_AFTER_MINUTES', min: 0, max: 24 * 60 },
  minimumBreakMinutes: { name: 'TIME_MINIMUM_BREAK_MINUTES', min: 0, max: 240 },
};

export const SETTING_VARIABLES = Object.values(VARIABLES).map((v) => v.name);

function wholeNumber(env: NodeJS.ProcessEnv, key: keyof TimeSettings): number {
  const { name, min, max } = VARIABLES[key];
  const raw = env[name];
  if (raw === undefined || raw === '') return DEFAULT_SETTINGS[key];
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
  return value;
}

/** The settings from `env`, each variable optional. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): TimeSettings {
  return {
    futureStartDays: wholeNumber(env, 'futureStartDays'),
    maxEntryMinutes: wholeNumber(env, 'maxEntryMinutes'),
    dailyOvertimeCapMinutes: wholeNumber(env, 'dailyOvertimeCapMinutes'),
    minimumBreakAfterMinutes: wholeNumber(env, 'minimumBreakAfterMinutes'),
    minimumBreakMinutes: wholeNumber(env, 'minimumBreakMinutes'),
  };
}

let current: TimeSettings | undefined;

/** The process's settings, read on first use. */
export const settings = (): TimeSettings => (current ??= readSettings());

/** Replaces the settings (tests); undefined reads the environment again on next use. */
export function useSettings(next: Partial<TimeSettings> | undefined): void {
  current = next ? { ...DEFAULT_SETTINGS, ...next } : undefined;
}
