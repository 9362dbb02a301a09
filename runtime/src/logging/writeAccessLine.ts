import type { Logger } from '../logger';

/** Where a server writes its access lines and its faults. */
export interface AccessLogOptions {
  logger: Logger;
  /** Named on every line: `gateway`, or the subgraph's name. */
  service: string;
}

/** What an access line says about a request besides its status and duration. */
export interface AccessFacts {
  requestId?: string;
  correlationId?: string;
  /** The token's subject: an id, never a name or an e-mail address. */
  userId?: string;
  /** Bounded, see {@link loggableName}. */
  operation?: string;
  /** query, mutation or subscription. */
  operationType?: string;
  /** The codes of the errors the client was sent, each once. */
  errors?: string[];
}

export interface AccessLine extends AccessFacts {
  /** The HTTP status, or for a call made in-process `ok` or the first error's code. */
  status: number | string;
  durationMs: number;
  method?: string;
  path?: string;
  /** The client went away before the answer was sent. */
  aborted?: boolean;
}

const MAX_NAME = 64;
const SERVER_FAULTS = new Set(['INTERNAL', 'UNAVAILABLE']);

/** An operation name as logged: GraphQL name characters only, at most 64 of them. */
export function loggableName(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const plain = name.slice(0, MAX_NAME + 1).replace(/[^_0-9A-Za-z]/g, '_');
  return plain.length > MAX_NAME ? `${plain.slice(0, MAX_NAME)}…` : plain;
}

/** The status of a call made in-process: `ok`, else a server fault's code before a client's. */
export function inProcessStatus(errors: string[] = []): string {
  return errors.find((code) => SERVER_FAULTS.has(code)) ?? errors[0] ?? 'ok';
}

/** An answer with a server fault: its line is a warning. */
function isFault(status: AccessLine['status'], errors: string[] | undefined): boolean {
  return (
    (typeof status === 'number' ? status >= 500 : SERVER_FAULTS.has(status)) ||
    !!errors?.some((code) => SERVER_FAULTS.has(code))
  );
}

/**
 * Whether `writeAccessLine` would write a line of this status and these errors, so that a
 * caller on every request's path gathers the line's fields only when it would.
 */
export function accessLineWanted(
  logger: Logger,
  status: AccessLine['status'],
  errors: string[] | undefined,
): boolean {
  return logger.isLevelEnabled(isFault(status, errors) ? 'warn' : 'info');
}

/**
 * Writes one access line. Client mistakes are info like successes; an answer with a server
 * fault is a warning here, since the fault itself is logged once, with its stack, where it
 * happened.
 */
export function writeAccessLine(logger: Logger, line: AccessLine): void {
  const { durationMs, errors, ...rest } = line;
  const fault = isFault(line.status, errors);
  // Below the log's level the line is not built at all: it is on every request's path.
  if (!logger.isLevelEnabled(fault ? 'warn' : 'info')) return;
  const fields = {
    ...rest,
    ...(errors && errors.length > 0 ? { errors } : {}),
    duration_ms: Math.round(durationMs * 10) / 10,
  };
  if (fault) logger.warn(fields, 'access');
  else logger.info(fields, 'access');
}

/**
 * Logs a call made in-process that was refused before it ran (its context could not be
 * made, e.g. a bad token): its access line, and the error too when it was not expected.
 */
export function logRefusedCall(
  options: AccessLogOptions,
  call: {
    headers: Record<string, string | undefined>;
    code: string;
    error: unknown;
    durationMs: number;
  },
): void {
  const logger = options.logger.child({ service: options.service });
  const ids = {
    requestId: call.headers['x-request-id'],
    correlationId: call.headers['x-correlation-id'],
  };
  if (call.code === 'INTERNAL') logger.error({ err: call.error, ...ids }, 'unexpected error');
  if (call.code === 'UNAVAILABLE')
    logger.warn({ err: call.error, ...ids }, 'a dependency is unavailable');
  writeAccessLine(logger, { ...ids, status: call.code, durationMs: call.durationMs });
}
