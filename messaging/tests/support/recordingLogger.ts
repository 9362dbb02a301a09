import type { Logger } from '../..';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message?: string;
  details: Record<string, unknown>;
}

/** A logger that keeps what it is told, for tests that check what a component reported. */
export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (details: object, message?: string) =>
    entries.push({ level, message, details: details as Record<string, unknown> });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
