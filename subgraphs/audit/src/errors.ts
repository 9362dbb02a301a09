import { defineDomainErrors } from '../../../runtime';

/** Why audit refuses, beyond the shared reasons, under the code each is answered with. */
export const auditErrors = defineDomainErrors('AuditError', {
  FORBIDDEN: ['NOT_AUDITOR', 'NOT_ADMIN'],
  BAD_USER_INPUT: [
    'INVALID_DATE_TIME',
    'INVALID_RANGE',
    'INVALID_FORMAT',
    'INVALID_PARAMETER',
    'WITHIN_RETENTION',
  ],
  INTERNAL: ['MALFORMED_EVENT'],
  NOT_FOUND: ['DEAD_LETTER_NOT_FOUND'],
  CONFLICT: ['REPLAY_FAILED'],
  UNAVAILABLE: ['CONSUMER_UNAVAILABLE'],
});

export const AuditReason = auditErrors.reasons;
export type AuditReason = keyof typeof AuditReason;

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
