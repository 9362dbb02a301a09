import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why the audit subgraph refused a request. */
export enum AuditReason {
  NOT_AUDITOR = 'NOT_AUDITOR',
  NOT_ADMIN = 'NOT_ADMIN',
  INVALID_DATE_TIME = 'INVALID_DATE_TIME',
  INVALID_RANGE = 'INVALID_RANGE',
  INVALID_PAGE_SIZE = 'INVALID_PAGE_SIZE',
  INVALID_CURSOR = 'INVALID_CURSOR',
  INVALID_FORMAT = 'INVALID_FORMAT',
  INVALID_PARAMETER = 'INVALID_PARAMETER',
  WITHIN_RETENTION = 'WITHIN_RETENTION',
  MALFORMED_EVENT = 'MALFORMED_EVENT',
  DEAD_LETTER_NOT_FOUND = 'DEAD_LETTER_NOT_FOUND',
  REPLAY_FAILED = 'REPLAY_FAILED',
  CONSUMER_UNAVAILABLE = 'CONSUMER_UNAVAILABLE',
}

const CODE_OF: Record<AuditReason, ErrorCode> = {
  NOT_AUDITOR: ErrorCode.FORBIDDEN,
  NOT_ADMIN: ErrorCode.FORBIDDEN,
  INVALID_DATE_TIME: ErrorCode.BAD_USER_INPUT,
  INVALID_RANGE: ErrorCode.BAD_USER_INPUT,
  INVALID_PAGE_SIZE: ErrorCode.BAD_USER_INPUT,
  INVALID_CURSOR: ErrorCode.BAD_USER_INPUT,
  INVALID_FORMAT: ErrorCode.BAD_USER_INPUT,
  INVALID_PARAMETER: ErrorCode.BAD_USER_INPUT,
  WITHIN_RETENTION: ErrorCode.BAD_USER_INPUT,
  MALFORMED_EVENT: ErrorCode.INTERNAL,
  DEAD_LETTER_NOT_FOUND: ErrorCode.NOT_FOUND,
  REPLAY_FAILED: ErrorCode.CONFLICT,
  CONSUMER_UNAVAILABLE: ErrorCode.UNAVAILABLE,
};

/** An audit error; `field` names the input at fault for BAD_USER_INPUT. */
export class AuditError extends DomainError {
  override name = 'AuditError';

  constructor(reason: AuditReason, message: string, field?: string) {
    super(CODE_OF[reason], message, reason, { field });
  }
}

export const notAuditor = () =>
  new AuditError(
    AuditReason.NOT_AUDITOR,
    'Only auditors and administrators may read the audit log.',
  );

export const notAdmin = () =>
  new AuditError(
    AuditReason.NOT_ADMIN,
    'Only administrators and system jobs may purge the audit log.',
  );

export const badField = (reason: AuditReason, field: string, message: string) =>
  new AuditError(reason, message, field);
