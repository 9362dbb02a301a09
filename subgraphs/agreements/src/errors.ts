import { defineDomainErrors, ErrorCode } from '../../../runtime';

/** Why the agreements domain refused a request, beyond the reasons every domain shares. */
export enum AgreementReason {
  UNKNOWN_EMPLOYEE = 'UNKNOWN_EMPLOYEE',
  NOT_A_TAMS_FILE = 'NOT_A_TAMS_FILE',
  AGREEMENT_OVERLAP = 'AGREEMENT_OVERLAP',
  AGREEMENT_NOT_FOUND = 'AGREEMENT_NOT_FOUND',
}

/** The one place where a domain reason becomes a code of the platform's error table. */
export const agreementErrors = defineDomainErrors<AgreementReason>('AgreementError', {
  UNKNOWN_EMPLOYEE: ErrorCode.BAD_USER_INPUT,
  NOT_A_TAMS_FILE: ErrorCode.BAD_USER_INPUT,
  AGREEMENT_OVERLAP: ErrorCode.POLICY_VIOLATION,
  AGREEMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
});

export const { invalid, forbidden: forbiddenTo } = agreementErrors;

export const unknownEmployee = (employeeId: string) =>
  invalid('employeeId', `There is no employee ${employeeId}.`, AgreementReason.UNKNOWN_EMPLOYEE);

export const notATamsFile = (message: string) =>
  invalid('content', message, AgreementReason.NOT_A_TAMS_FILE);

export const agreementNotFound = (id: string) =>
  agreementErrors.error(AgreementReason.AGREEMENT_NOT_FOUND, `Agreement ${id} was not found.`, {
    extensions: { id },
  });

export const overlapMessage = (other: { id: string; startDate: string; endDate: string }) =>
  `It overlaps agreement ${other.id} (${other.startDate} to ${other.endDate}) of the same employee.`;

export const overlap = (other: { id: string; startDate: string; endDate: string }) =>
  agreementErrors.error(AgreementReason.AGREEMENT_OVERLAP, overlapMessage(other), {
    extensions: { conflictingAgreementId: other.id },
  });
