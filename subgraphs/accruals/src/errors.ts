import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why the accruals domain refused a request. */
export enum AccrualsErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  FORBIDDEN = 'FORBIDDEN',
}

/** The one place where a domain reason becomes a code of the platform's error table. */
const CODE_OF: Record<AccrualsErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  FORBIDDEN: ErrorCode.FORBIDDEN,
};

export class AccrualsError extends DomainError {
  override name = 'AccrualsError';

  constructor(
    readonly accrualsCode: AccrualsErrorCode,
    message: string,
    details: { field?: string; extensions?: Record<string, unknown> } = {},
  ) {
    super(CODE_OF[accrualsCode], message, accrualsCode, details);
  }
}

export const invalid = (field: string, message: string) =>
  new AccrualsError(AccrualsErrorCode.INVALID_INPUT, message, { field });

export const forbiddenTo = (message: string) =>
  new AccrualsError(AccrualsErrorCode.FORBIDDEN, message);
