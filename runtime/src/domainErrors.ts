import { DomainError, ErrorCode, HTTP_STATUS, type DomainErrorDetails } from './errors';

/** Reasons every domain shares, with the platform code each is answered with. */
export const COMMON_REASONS = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  /** The record changed since the version the caller read (docs/architecture.md#graphql-conventions). */
  VERSION_CONFLICT: ErrorCode.CONFLICT,
} as const;

export type CommonReason = keyof typeof COMMON_REASONS;

/** A domain's own reasons, each listed once under the platform code it is answered with. */
export type ReasonsByCode = { readonly [C in ErrorCode]?: readonly string[] };

/** The names a list holds. */
type NamesIn<L> = L extends readonly (infer Name extends string)[] ? Name : never;

/** The reasons a {@link ReasonsByCode} lists. */
type ReasonOf<M extends ReasonsByCode> = NamesIn<M[keyof M]>;

/** The names a list holds more than once. */
type RepeatedIn<L> = L extends readonly [infer First, ...infer Rest]
  ? (First extends Rest[number] ? First : never) | RepeatedIn<Rest>
  : never;

/**
 * The reasons a map may not hold: one listed twice (in one list or under two codes) or a
 * reason every domain shares. A list that is not written out (`string[]`) cannot be checked,
 * so it holds them all.
 */
type Misplaced<M extends ReasonsByCode> = {
  [C in keyof M]-?: RepeatedIn<M[C]> | (NamesIn<M[C]> & (ReasonOf<Omit<M, C>> | CommonReason));
}[keyof M];

/** What the compiler asks of a map that lists a reason twice: it names the reason. */
type ListedOnce<M extends ReasonsByCode> = [Misplaced<M>] extends [never]
  ? unknown
  : { listedTwiceOrShared: Misplaced<M> };

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
  /** The domain's own reasons by name, as an enum would give them: `reasons.X === 'X'`. */
  reasons: { readonly [K in R]: K };
  /** A refusal for `reason`, answered with the code the domain's map gives it. */
  error(reason: R | CommonReason, message: string, details?: ReasonDetails): DomainError;
  /** Bad input on `field` (BAD_USER_INPUT), with a more precise reason if the domain has one. */
  invalid(field: string, message: string, reason?: R): DomainError;
  /** The caller may not do this (FORBIDDEN). */
  forbidden(message: string): DomainError;
  /** The record `what` `id` does not exist; its id is in `extensions`, `field` names the input. */
  notFound(reason: R, what: string, id: string, field?: string): DomainError;
  /** `field` names an employee the domain does not know (of its copy of the employees). */
  unknownEmployee(reason: R, id: string, field?: string): DomainError;
  /** Employee `id` is terminated, so `refused` (`no new time can be recorded`), on `employeeId`. */
  employeeTerminated(reason: R, id: string, refused: string): DomainError;
  /** Whether `error` is one of this domain's, with one of `reasons` if any are given. */
  is(error: unknown, ...reasons: (R | CommonReason)[]): error is DomainError;
}

/**
 * Each listed reason's code. Throws at start-up where the compiler was got round: a code
 * outside the platform's table, a reason listed twice or one every domain has already.
 */
function codesOf(name: string, reasonsByCode: ReasonsByCode): Map<string, ErrorCode> {
  const codes = new Map<string, ErrorCode>();
  for (const [code, reasons] of Object.entries(reasonsByCode) as [ErrorCode, string[]][]) {
    if (!Object.hasOwn(HTTP_STATUS, code)) {
      throw new Error(`${name} lists reasons under ${code}, which is no code of the platform.`);
    }
    for (const reason of reasons) {
      if (codes.has(reason) || Object.hasOwn(COMMON_REASONS, reason)) {
        throw new Error(`${name} lists ${reason} twice, or a reason every domain has already.`);
      }
      codes.set(reason, code);
    }
  }
  return codes;
}

/**
 * Builds a domain's errors from its reasons, each written once under the platform code it
 * is answered with; a POLICY_VIOLATION names its reason as the `rule` it broke. The lists
 * are read as literals, so `reasons` and the reason type follow from them.
 */
export function defineDomainErrors<const M extends ReasonsByCode>(
  name: string,
  reasonsByCode: M & ListedOnce<M>,
): DomainErrors<ReasonOf<M>> {
  return domainErrors(name, codesOf(name, reasonsByCode));
}

function domainErrors<R extends string>(
  name: string,
  codes: ReadonlyMap<string, ErrorCode>,
): DomainErrors<R> {
  const codeOf = (reason: R | CommonReason): ErrorCode =>
    codes.get(reason) ?? COMMON_REASONS[reason as CommonReason];
  class OfDomain extends DomainError {
    override name = name;
    declare readonly reason: R | CommonReason;
    constructor(reason: R | CommonReason, message: string, details: ReasonDetails = {}) {
      const code = codeOf(reason);
      const rule = code === ErrorCode.POLICY_VIOLATION ? reason : undefined;
      super(code, message, reason, { ...details, rule });
    }
  }
  const reasons = Object.freeze(
    Object.fromEntries([...codes.keys()].map((reason) => [reason, reason])),
  ) as { readonly [K in R]: K };
  const is = (error: unknown, ...wanted: (R | CommonReason)[]): error is DomainError =>
    error instanceof OfDomain && (wanted.length === 0 || wanted.includes(error.reason));
  return {
    Error: OfDomain,
    reasons,
    error: (reason, message, details) => new OfDomain(reason, message, details),
    invalid: (field, message, reason) =>
      new OfDomain(reason ?? 'INVALID_INPUT', message, { field }),
    forbidden: (message) => new OfDomain('FORBIDDEN', message),
    notFound: (reason, what, id, field) =>
      new OfDomain(reason, `${what} ${id} was not found.`, { field, extensions: { id } }),
    unknownEmployee: (reason, id, field = 'employeeId') =>
      new OfDomain(reason, `There is no employee ${id}.`, { field }),
    employeeTerminated: (reason, id, refused) =>
      new OfDomain(reason, `Employee ${id} is terminated; ${refused}.`, { field: 'employeeId' }),
    is,
  };
}
