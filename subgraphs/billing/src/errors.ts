import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why billing refused a request. */
export enum BillingErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** A card from a past day would change costs already booked: a correction needs a reason. */
  CORRECTION_REASON_REQUIRED = 'CORRECTION_REASON_REQUIRED',
}

const CODE_OF: Record<BillingErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  NOT_FOUND: ErrorCode.NOT_FOUND,
  CONFLICT: ErrorCode.CONFLICT,
  CORRECTION_REASON_REQUIRED: ErrorCode.BAD_USER_INPUT,
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

export const conflict = (message: string) => new BillingError(BillingErrorCode.CONFLICT, message);

export const correctionReasonRequired = (message: string) =>
  new BillingError(BillingErrorCode.CORRECTION_REASON_REQUIRED, message, {
    field: 'correctionReason',
  });
