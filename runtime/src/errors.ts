import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The one table of GraphQL error codes (docs/architecture.md#graphql-conventions). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  POLICY_VIOLATION = 'POLICY_VIOLATION',
  UNAVAILABLE = 'UNAVAILABLE',
  /** Over a rate limit or a concurrency cap: retry after the time the answer names. */
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL = 'INTERNAL',
}

/** The HTTP status each code is answered with, where an error decides a whole response. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  POLICY_VIOLATION: 422,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** The HTTP status for any code string; unknown codes are server faults. */
export const httpStatusOf = (code: unknown): number => HTTP_STATUS[code as ErrorCode] ?? 500;

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));

export interface DomainErrorDetails {
  /** The input field at fault, for BAD_USER_INPUT. */
  field?: string;
  /** The business rule that refused the request, for POLICY_VIOLATION. */
  rule?: string;
  /** Extra machine-readable facts for the client (never personal data, SQL or stacks). */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * Base of every domain's error type. A domain subclasses it with its own code
 * enum and one map from those codes to {@link ErrorCode}; `toGraphQLError`
 * turns any of them into a client error in one place.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  readonly field?: string;
  readonly rule?: string;
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The domain's own reason, e.g. `MANAGER_CYCLE`. */
    readonly reason: string = code,
    details: DomainErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.field = details.field;
    this.rule = details.rule;
    this.extensions = details.extensions ?? {};
  }
}

export const unauthenticated = (message = 'A valid bearer token is required.') =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You may not do this.') =>
  new DomainError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, id: string) =>
  new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} was not found.`);
export const badInput = (field: string, message: string, reason = 'INVALID_INPUT') =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, reason, { field });
export const conflict = (
  message: string,
  reason = 'CONFLICT',
  extensions?: Record<string, unknown>,
) => new DomainError(ErrorCode.CONFLICT, message, reason, { extensions });
export const policyViolation = (rule: string, message: string) =>
  new DomainError(ErrorCode.POLICY_VIOLATION, message, rule, { rule });
export const unavailable = (message: string, cause?: unknown) =>
  new DomainError(ErrorCode.UNAVAILABLE, message, 'UNAVAILABLE', { cause });
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError(ErrorCode.RATE_LIMITED, message, 'RATE_LIMITED', {
    extensions: { retryAfterSeconds },
  });

export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      ...error.extensions,
      code: error.code,
      ...(error.reason !== error.code && { reason: error.reason }),
      ...(error.field && { field: error.field }),
      ...(error.rule && { rule: error.rule }),
    },
  });
}

/**
 * The first `Class` in `error`'s chain of `originalError`s, as thrown or wrapped (by
 * GraphQL, or the gateway), looking at most `depth` errors deep.
 */
export function findWrapped<T>(
  error: unknown,
  Class: abstract new (...args: never[]) => T,
  depth = 5,
): T | undefined {
  let current: unknown = error;
  for (let seen = 0; current && seen < depth; seen++) {
    if (current instanceof Class) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** The DomainError an error stands for, as thrown or wrapped (by GraphQL, or the gateway). */
export const findDomainError = (error: unknown): DomainError | undefined =>
  findWrapped(error, DomainError);

/** Codes GraphQL itself and Apollo use for a request that is wrong, not a server fault. */
const REQUEST_ERROR_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_USER_INPUT,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_USER_INPUT,
  BAD_USER_INPUT: ErrorCode.BAD_USER_INPUT,
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
};

/**
 * Apollo answers some request errors with a 4xx status and no code (a malformed
 * persisted query, say): they are the client's mistake, not a server fault.
 */
function isUncodedClientError(error: unknown): boolean {
  const extensions = (error as { extensions?: Record<string, unknown> } | null)?.extensions;
  const status = (extensions?.http as { status?: unknown } | undefined)?.status;
  return (
    extensions?.code === undefined && typeof status === 'number' && status >= 400 && status < 500
  );
}

// graphql-js words a variable it cannot take as `Variable "$input" got invalid value 5 at
// "input.startDate"; …`, or `Variable "$d" of required type "Date!" was not provided.`
const VARIABLE_ERROR = /^Variable "\$(\w+)" (?:got invalid value[^]*? at "([^"]+)";)?/;

/** The variable, or the place within it, that a variable's error is about. */
function variableField(message: string): string | undefined {
  const match = VARIABLE_ERROR.exec(message);
  return match ? (match[2] ?? match[1]) : undefined;
}

/**
 * Apollo `formatError`: every error leaves with a code from the table; anything
 * unexpected becomes INTERNAL with a generic message, so no stack, SQL or
 * driver text reaches a client.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const domain = findDomainError(error);
  if (domain) {
    const { message, extensions } = toGraphQLError(domain);
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const rawCode = String(formatted.extensions?.code ?? '');
  const code = PUBLIC_CODES.has(rawCode)
    ? (rawCode as ErrorCode)
    : (REQUEST_ERROR_CODES[rawCode] ??
      (isUncodedClientError(error) ? ErrorCode.BAD_USER_INPUT : undefined));
  if (code && code !== ErrorCode.INTERNAL) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    const field = extensions.field ?? variableField(formatted.message);
    return { ...formatted, extensions: { ...extensions, code, ...(field && { field }) } };
  }
  return {
    message: 'Internal error.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL },
  };
}
