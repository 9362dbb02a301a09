import type { WaivedRule } from './entities';

/** `5 h 10 min`, `4 h`, `45 min`. */
export function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** The working-time rules HR may waive, as a sentence names them. */
const WAIVED: Record<WaivedRule, string> = {
  FUTURE_START: 'the limit on future starts',
  MAX_ENTRY_LENGTH: 'the longest entry',
  DAILY_OVERTIME_CAP: 'the daily overtime cap',
  MINIMUM_BREAK: 'the minimum break',
};

/** `a, b and c`. */
export function listed(rules: readonly WaivedRule[]): string {
  const names = rules.map((rule) => WAIVED[rule]);
  return names.length < 2
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `on 2025-10-30`, or `from 2025-10-30 to 2025-10-31`. */
export const days = (from: string, to: string): string =>
  from === to ? `on ${from}` : `from ${from} to ${to}`;
