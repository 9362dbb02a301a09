import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode, httpStatusOf, toGraphQLError } from '../errors';

/** Why an operation was refused before it ran. */
export type RefusalReason =
  /** The document does not parse. */
  | 'SYNTAX_ERROR'
  /** The document has no operation to run under the name given (or none was given among several). */
  | 'OPERATION_NOT_RESOLVED'
  /** A limit of `OperationLimits` was passed; `extensions.limit` names it. */
  | 'LIMIT_EXCEEDED'
  /** A field's `@listSize` needs exactly one slicing argument. */
  | 'SLICING_ARGUMENT_REQUIRED'
  /** The schema has no root type for the operation. */
  | 'OPERATION_TYPE_UNKNOWN'
  /** The operation's type is not served on this transport (a subscription over plain HTTP). */
  | 'TRANSPORT_UNSUPPORTED'
  /** The variables are not an object. */
  | 'VARIABLES_INVALID'
  /** Introspection, by a caller it is not open to. */
  | 'INTROSPECTION_FORBIDDEN';

/**
 * An operation refused by the operation check: a client's mistake or a limit, never
 * a server fault. Its code decides the HTTP status (`status`).
 */
export class OperationRefusedError extends DomainError {
  override name = 'OperationRefusedError';

  constructor(
    code: ErrorCode,
    message: string,
    override readonly reason: RefusalReason,
    details: { field?: string; extensions?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(code, message, reason, details);
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}

/** A refusal for passing one of the limits. */
export function overLimit(limit: string, what: string, value: number, max: number) {
  return new OperationRefusedError(
    ErrorCode.BAD_USER_INPUT,
    `The operation's ${what} is ${value}, above the limit of ${max} (${limit}).`,
    'LIMIT_EXCEEDED',
    { extensions: { limit } },
  );
}

/** A refusal as Apollo sends a request error: its code, and its HTTP status. */
export function refusalAsRequestError(refusal: OperationRefusedError): GraphQLError {
  return new GraphQLError(refusal.message, {
    originalError: refusal,
    extensions: { ...toGraphQLError(refusal).extensions, http: { status: refusal.status } },
  });
}
