import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why billing refused a request. */
export enum BillingErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
}

const CODE_OF: Record<BillingErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  NOT_FOUND: ErrorCode.NOT_FOUND,
};

export class BillingError extends DomainError {
  override name = 'BillingError';

  constructor(
    readonly billingCode: BillingErrorCode,
    message: string,
    details: { field?: string } = {},
  ) {
    super(CODE_OF[billingCode], message, billingCode, details);
  }
}

export const invalid = (field: string, message: string) =>
  new BillingError(BillingErrorCode.INVALID_INPUT, message, { field });

export const forbiddenTo = (message: string) =>
  new BillingError(BillingErrorCode.FORBIDDEN, message);

export const notFoundIn = (what: string, id: string) =>
  new BillingError(BillingErrorCode.NOT_FOUND, `${what} ${id} was not found.`);
