import { defineDomainErrors } from '../../../runtime';

/** Why agreements refuses, beyond the shared reasons, under the code each is answered with. */
export const agreementErrors = defineDomainErrors('AgreementError', {
  BAD_USER_INPUT: ['UNKNOWN_EMPLOYEE', 'NOT_A_TAMS_FILE'],
  POLICY_VIOLATION: ['AGREEMENT_OVERLAP'],
  NOT_FOUND: ['AGREEMENT_NOT_FOUND'],
});

export const AgreementReason = agreementErrors.reasons;
export type AgreementReason = keyof typeof AgreementReason;

export const { invalid, forbidden: forbiddenTo } = agreementErrors;

export const unknownEmployee = (employeeId: string) =>
  agreementErrors.unknownEmployee(AgreementReason.UNKNOWN_EMPLOYEE, employeeId);

export const notATamsFile = (message: string) =>
  invalid('content', message, AgreementReason.NOT_A_TAMS_FILE);

export const agreementNotFound = (id: string) =>
  agreementErrors.notFound(AgreementReason.AGREEMENT_NOT_FOUND, 'Agreement', id);

export const overlapMessage = (other: { id: string; startDate: string; endDate: string }) =>
  `It overlaps agreement ${other.id} (${other.startDate} to ${other.endDate}) of the same employee.`;

export const overlap = (other: { id: string; startDate: string; endDate: string }) =>
  agreementErrors.error(AgreementReason.AGREEMENT_OVERLAP, overlapMessage(other), {
    extensions: { conflictingAgreementId: other.id },
  });
