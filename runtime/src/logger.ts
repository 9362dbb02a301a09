import pino, { type DestinationStream, type Logger } from 'pino';
import { loggableError } from './logging/loggableError';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Where lines go (default stdout); tests read them from a stream. */
  destination?: DestinationStream;
}

/**
 * JSON logs (docs/architecture.md#operations, docs/logging.md); personal data is never
 * logged, only ids.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      name: options.name,
      redact: ['*.authorization', '*.salary', '*.phone', '*.email'],
      serializers: { err: loggableError },
    },
    options.destination,
  );
}
