import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why compliance refused a request. */
export enum ComplianceErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** The subgraph that decides a checked operation could not answer. */
  UNAVAILABLE = 'UNAVAILABLE',
}

const CODE_OF: Record<ComplianceErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  NOT_FOUND: ErrorCode.NOT_FOUND,
  CONFLICT: ErrorCode.CONFLICT,
  UNAVAILABLE: ErrorCode.UNAVAILABLE,
};

export class ComplianceError extends DomainError {
  override name = 'ComplianceError';

  constructor(
    readonly complianceCode: ComplianceErrorCode,
    message: string,
    details: { field?: string; cause?: unknown } = {},
  ) {
    super(CODE_OF[complianceCode], message, complianceCode, details);
  }
}

export const invalid = (field: string, message: string) =>
  new ComplianceError(ComplianceErrorCode.INVALID_INPUT, message, { field });

export const forbiddenTo = (message: string) =>
  new ComplianceError(ComplianceErrorCode.FORBIDDEN, message);

export const notFoundIn = (what: string, id: string) =>
  new ComplianceError(ComplianceErrorCode.NOT_FOUND, `${what} ${id} was not found.`);

export const conflict = (message: string) =>
  new ComplianceError(ComplianceErrorCode.CONFLICT, message);

export const unavailableOwner = (message: string, cause?: unknown) =>
  new ComplianceError(ComplianceErrorCode.UNAVAILABLE, message, { cause });
