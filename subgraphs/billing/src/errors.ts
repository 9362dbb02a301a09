import { defineDomainErrors } from '../../../runtime';

/** Why billing refuses, beyond the shared reasons, under the code each is answered with. */
export const billingErrors = defineDomainErrors('BillingError', {
  // A card from a past day would change costs already booked: a correction needs a reason.
  BAD_USER_INPUT: ['CORRECTION_REASON_REQUIRED'],
  NOT_FOUND: ['ACCOUNT_NOT_FOUND', 'GRADE_NOT_FOUND'],
  CONFLICT: ['GRADE_EXISTS'],
});

export const BillingReason = billingErrors.reasons;
export type BillingReason = keyof typeof BillingReason;

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
