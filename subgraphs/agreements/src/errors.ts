import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why the agreements domain refused a request. */
export enum AgreementErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  UNKNOWN_EMPLOYEE = 'UNKNOWN_EMPLOYEE',
  NOT_A_TAMS_FILE = 'NOT_A_TAMS_FILE',
  AGREEMENT_OVERLAP = 'AGREEMENT_OVERLAP',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  AGREEMENT_NOT_FOUND = 'AGREEMENT_NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
}

/** The one place where a domain reason becomes a code of the platform's error table. */
const CODE_OF: Record<AgreementErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  UNKNOWN_EMPLOYEE: ErrorCode.BAD_USER_INPUT,
  NOT_A_TAMS_FILE: ErrorCode.BAD_USER_INPUT,
  AGREEMENT_OVERLAP: ErrorCode.POLICY_VIOLATION,
  VERSION_CONFLICT: ErrorCode.CONFLICT,
  AGREEMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  FORBIDDEN: ErrorCode.FORBIDDEN,
};

export class AgreementError extends DomainError {
  override name = 'AgreementError';

  constructor(
    readonly agreementCode: AgreementErrorCode,
    message: string,
    details: { field?: string; extensions?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const code = CODE_OF[agreementCode];
    const rule = code === ErrorCode.POLICY_VIOLATION ? agreementCode : undefined;
    super(code, message, agreementCode, { ...details, rule });
  }
}

export const invalid = (
  field: string,
  message: string,
  reason = AgreementErrorCode.INVALID_INPUT,
) => new AgreementError(reason, message, { field });

export const forbiddenTo = (message: string) =>
  new AgreementError(AgreementErrorCode.FORBIDDEN, message);

export const unknownEmployee = (employeeId: string) =>
  invalid('employeeId', `There is no employee ${employeeId}.`, AgreementErrorCode.UNKNOWN_EMPLOYEE);

export const notATamsFile = (message: string) =>
  invalid('content', message, AgreementErrorCode.NOT_A_TAMS_FILE);

export const agreementNotFound = (id: string) =>
  new AgreementError(AgreementErrorCode.AGREEMENT_NOT_FOUND, `Agreement ${id} was not found.`, {
    extensions: { id },
  });

export const overlapMessage = (other: { id: string; startDate: string; endDate: string }) =>
  `It overlaps agreement ${other.id} (${other.startDate} to ${other.endDate}) of the same employee.`;

export const overlap = (other: { id: string; startDate: string; endDate: string }) =>
  new AgreementError(AgreementErrorCode.AGREEMENT_OVERLAP, overlapMessage(other), {
    extensions: { conflictingAgreementId: other.id },
  });

export const staleVersion = (expected: number, actual: number) =>
  new AgreementError(
    AgreementErrorCode.VERSION_CONFLICT,
    `The agreement changed since version ${expected}; it is now at version ${actual}.`,
    { field: 'expectedVersion', extensions: { expectedVersion: expected, actualVersion: actual } },
  );
