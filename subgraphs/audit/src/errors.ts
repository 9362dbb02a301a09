import { defineDomainErrors, ErrorCode } from '../../../runtime';

/** Why the audit subgraph refused a request, beyond the reasons every domain shares. */
export enum AuditReason {
  NOT_AUDITOR = 'NOT_AUDITOR',
  NOT_ADMIN = 'NOT_ADMIN',
  INVALID_DATE_TIME = 'INVALID_DATE_TIME',
  INVALID_RANGE = 'INVALID_RANGE',
  INVALID_FORMAT = 'INVALID_FORMAT',
  INVALID_PARAMETER = 'INVALID_PARAMETER',
  WITHIN_RETENTION = 'WITHIN_RETENTION',
  MALFORMED_EVENT = 'MALFORMED_EVENT',
  DEAD_LETTER_NOT_FOUND = 'DEAD_LETTER_NOT_FOUND',
  REPLAY_FAILED = 'REPLAY_FAILED',
  CONSUMER_UNAVAILABLE = 'CONSUMER_UNAVAILABLE',
}

export const auditErrors = defineDomainErrors<AuditReason>('AuditError', {
  NOT_AUDITOR: ErrorCode.FORBIDDEN,
  NOT_ADMIN: ErrorCode.FORBIDDEN,
  INVALID_DATE_TIME: ErrorCode.BAD_USER_INPUT,
  INVALID_RANGE: ErrorCode.BAD_USER_INPUT,
  INVALID_FORMAT: ErrorCode.BAD_USER_INPUT,
  INVALID_PARAMETER: ErrorCode.BAD_USER_INPUT,
  WITHIN_RETENTION: ErrorCode.BAD_USER_INPUT,
  MALFORMED_EVENT: ErrorCode.INTERNAL,
  DEAD_LETTER_NOT_FOUND: ErrorCode.NOT_FOUND,
  REPLAY_FAILED: ErrorCode.CONFLICT,
  CONSUMER_UNAVAILABLE: ErrorCode.UNAVAILABLE,
});

export const notAuditor = () =>
  auditErrors.error(
    AuditReason.NOT_AUDITOR,
    'Only auditors and administrators may read the audit log.',
  );

export const notAdmin = (
  message = 'Only administrators and system jobs may purge the audit log.',
) => auditErrors.error(AuditReason.NOT_ADMIN, message);

/** Bad input on `field`, with the finer reason it is. */
export const badField = (reason: AuditReason, field: string, message: string) =>
  auditErrors.invalid(field, message, reason);

export const consumerUnavailable = (message: string) =>
  auditErrors.error(AuditReason.CONSUMER_UNAVAILABLE, message);

export const malformedEvent = (message: string) =>
  auditErrors.error(AuditReason.MALFORMED_EVENT, message);
