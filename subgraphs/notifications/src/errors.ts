import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why the notifications domain refused a request. */
export enum NotificationsErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  UNKNOWN_RECIPIENT = 'UNKNOWN_RECIPIENT',
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
}

/** The one place where a domain reason becomes a code of the platform's error table. */
const CODE_OF: Record<NotificationsErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  UNKNOWN_RECIPIENT: ErrorCode.BAD_USER_INPUT,
  NOTIFICATION_NOT_FOUND: ErrorCode.NOT_FOUND,
  FORBIDDEN: ErrorCode.FORBIDDEN,
};

export class NotificationsError extends DomainError {
  override name = 'NotificationsError';

  constructor(
    readonly notificationsCode: NotificationsErrorCode,
    message: string,
    details: { field?: string; extensions?: Record<string, unknown> } = {},
  ) {
    super(CODE_OF[notificationsCode], message, notificationsCode, details);
  }
}

export const invalid = (field: string, message: string) =>
  new NotificationsError(NotificationsErrorCode.INVALID_INPUT, message, { field });

export const unknownRecipient = (field: string, ids: string[]) =>
  new NotificationsError(
    NotificationsErrorCode.UNKNOWN_RECIPIENT,
    `There is no employee ${ids.join(', ')}.`,
    { field, extensions: { unknownIds: ids } },
  );

export const notificationNotFound = (id: string) =>
  new NotificationsError(
    NotificationsErrorCode.NOTIFICATION_NOT_FOUND,
    `Notification ${id} was not found.`,
    { extensions: { id } },
  );

export const forbiddenTo = (message: string) =>
  new NotificationsError(NotificationsErrorCode.FORBIDDEN, message);
