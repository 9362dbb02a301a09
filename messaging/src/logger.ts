import pino from 'pino';

type LogFn = (details: object, message?: string) => void;

/** The part of a pino logger this package uses; pass the process's own logger. */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

let fallback: Logger | undefined;

/** A JSON logger for callers that pass none (level from LOG_LEVEL, default info). */
export function defaultLogger(): Logger {
  fallback ??= pino({ name: 'messaging', level: process.env.LOG_LEVEL ?? 'info' });
  return fallback;
}
