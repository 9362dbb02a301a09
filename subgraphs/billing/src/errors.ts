import { defineDomainErrors, ErrorCode } from '../../../runtime';

/** Why billing refused a request, beyond the reasons every domain shares. */
export enum BillingReason {
  /** A card from a past day would change costs already booked: a correction needs a reason. */
  CORRECTION_REASON_REQUIRED = 'CORRECTION_REASON_REQUIRED',
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  GRADE_NOT_FOUND = 'GRADE_NOT_FOUND',
  GRADE_EXISTS = 'GRADE_EXISTS',
}

export const billingErrors = defineDomainErrors<BillingReason>('BillingError', {
  CORRECTION_REASON_REQUIRED: ErrorCode.BAD_USER_INPUT,
  ACCOUNT_NOT_FOUND: ErrorCode.NOT_FOUND,
  GRADE_NOT_FOUND: ErrorCode.NOT_FOUND,
  GRADE_EXISTS: ErrorCode.CONFLICT,
});

export const invalid = (field: string, message: string) => billingErrors.invalid(field, message);

export const forbiddenTo = (message: string) => billingErrors.forbidden(message);

export const accountNotFound = (id: string) =>
  billingErrors.error(BillingReason.ACCOUNT_NOT_FOUND, `Billing account ${id} was not found.`);

export const gradeNotFound = (code: string) =>
  billingErrors.error(
    BillingReason.GRADE_NOT_FOUND,
    `Grade ${code} (grades held by employees are described by creating them) was not found.`,
  );

export const gradeExists = (code: string) =>
  billingErrors.error(
    BillingReason.GRADE_EXISTS,
    `Grade ${code} exists already: change it with updateGrade.`,
  );

export const correctionReasonRequired = (message: string) =>
  billingErrors.invalid('correctionReason', message, BillingReason.CORRECTION_REASON_REQUIRED);
