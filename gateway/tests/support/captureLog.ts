import pino from 'pino';

/** A logger that keeps every line it writes, parsed, for the test to read. */
export function captureLog() {
  // Lines are read as JSON, whose shape the log call decides.
  const lines: Record<string, any>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, logger };
}
