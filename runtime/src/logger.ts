import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs (DESIGN.md §7); personal data is never logged, only ids. */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    name: options.name,
    redact: ['*.authorization', '*.salary', '*.phone', '*.email'],
  });
}
