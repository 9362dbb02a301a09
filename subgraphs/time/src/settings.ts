import {
  DEFAULT_VARIABLES,
  DEFAULT_WORKING_TIME_RULES,
  MAX_ENTRY_MINUTES,
  type WorkingTimeRules,
} from '../../../runtime';

/**
 * The working-time rules' limits the deployment starts with (docs/working-time.md): version 1
 * of compliance's WORKING_TIME policy, given to `createTime` or read once from the environment
 * at start. A bad value stops the process with a message naming the variable
 * (docs/architecture.md#operations).
 */
export type TimeSettings = WorkingTimeRules;

export const DEFAULT_SETTINGS: TimeSettings = DEFAULT_WORKING_TIME_RULES;

/** The whole numbers each setting's variable accepts. */
const BOUNDS: Record<keyof TimeSettings, { min: number; max: number }> = {
  futureStartDays: { min: 0, max: 366 },
  maxEntryMinutes: { min: 1, max: MAX_ENTRY_MINUTES },
  dailyOvertimeCapMinutes: { min: 0, max: 24 * 60 },
  minimumBreakAfterMinutes: { min: 0, max: 24 * 60 },
  minimumBreakMinutes: { min: 0, max: 240 },
};

const VARIABLES = DEFAULT_VARIABLES.WORKING_TIME;

export const SETTING_VARIABLES: string[] = Object.values(VARIABLES);

function wholeNumber(env: NodeJS.ProcessEnv, key: keyof TimeSettings): number {
  const name = VARIABLES[key];
  const { min, max } = BOUNDS[key];
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

/** Options of `createTime`. */
export interface TimeOptions {
  /** The limits over the defaults; without them, the TIME_* variables (read once, at start). */
  settings?: Partial<TimeSettings>;
}

/** The module's settings: the options' over the defaults, else the environment's, read once. */
export function settingsOf(options: TimeOptions): () => TimeSettings {
  let current = options.settings && { ...DEFAULT_SETTINGS, ...options.settings };
  return () => (current ??= readSettings());
}
