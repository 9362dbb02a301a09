import { DomainError, ErrorCode, type DomainErrorDetails } from './errors';

/** Reasons every domain shares, with the platform code each is answered with. */
export const COMMON_REASONS = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  /** The record changed since the version the caller read (docs/architecture.md#graphql-conventions). */
  VERSION_CONFLICT: ErrorCode.CONFLICT,
} as const;

export type CommonReason = keyof typeof COMMON_REASONS;

/** Details a domain error may carry; the rule of a POLICY_VIOLATION is its reason. */
export type ReasonDetails = Omit<DomainErrorDetails, 'rule'>;

/** A domain's error class: constructed from one of its reasons. */
export type DomainErrorClass<R extends string> = new (
  reason: R | CommonReason,
  message: string,
  details?: ReasonDetails,
) => DomainError & { readonly reason: R | CommonReason };

/** The error kit of one domain: its class and the refusals every domain makes. */
export interface DomainErrors<R extends string> {
  /** The domain's error class (`instanceof` tells its errors from others). */
  Error: DomainErrorClass<R>;
  /** A refusal for `reason`, answered with the code the domain's map gives it. */
  error(reason: R | CommonReason, message: string, details?: ReasonDetails): DomainError;
  /** Bad input on `field` (BAD_USER_INPUT), with a more precise reason if the domain has one. */
  invalid(field: string, message: string, reason?: R): DomainError;
  /** The caller may not do this (FORBIDDEN). */
  forbidden(message: string): DomainError;
  /** Whether `error` is one of this domain's, with one of `reasons` if any are given. */
  is(error: unknown, ...reasons: (R | CommonReason)[]): error is DomainError;
}

/**
 * Builds a domain's errors from its reason enum and one exhaustive map from each reason to
 * the platform's codes; a POLICY_VIOLATION names its reason as the `rule` it broke.
 */
export function defineDomainErrors<R extends string>(
  name: string,
  codes: Readonly<Record<R, ErrorCode>>,
): DomainErrors<R> {
  const codeOf = (reason: R | CommonReason): ErrorCode =>
    (codes as Record<string, ErrorCode>)[reason] ?? COMMON_REASONS[reason as CommonReason];
  class OfDomain extends DomainError {
    override name = name;
    declare readonly reason: R | CommonReason;
    constructor(reason: R | CommonReason, message: string, details: ReasonDetails = {}) {
      const code = codeOf(reason);
      const rule = code === ErrorCode.POLICY_VIOLATION ? reason : undefined;
      super(code, message, reason, { ...details, rule });
    }
  }
  const is = (error: unknown, ...reasons: (R | CommonReason)[]): error is DomainError =>
    error instanceof OfDomain && (reasons.length === 0 || reasons.includes(error.reason));
  return {
    Error: OfDomain,
    error: (reason, message, details) => new OfDomain(reason, message, details),
    invalid: (field, message, reason) =>
      new OfDomain(reason ?? 'INVALID_INPUT', message, { field }),
    forbidden: (message) => new OfDomain('FORBIDDEN', message),
    is,
  };
}
