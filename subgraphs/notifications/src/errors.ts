import { defineDomainErrors, ErrorCode } from '../../../runtime';

/** Why the notifications domain refused a request, beyond the reasons every domain shares. */
export enum NotificationsReason {
  UNKNOWN_RECIPIENT = 'UNKNOWN_RECIPIENT',
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
}

export const notificationsErrors = defineDomainErrors<NotificationsReason>('NotificationsError', {
  UNKNOWN_RECIPIENT: ErrorCode.BAD_USER_INPUT,
  NOTIFICATION_NOT_FOUND: ErrorCode.NOT_FOUND,
});

export const invalid = (field: string, message: string) =>
  notificationsErrors.invalid(field, message);

export const forbiddenTo = (message: string) => notificationsErrors.forbidden(message);

export const unknownRecipient = (field: string, ids: string[]) =>
  notificationsErrors.error(
    NotificationsReason.UNKNOWN_RECIPIENT,
    `There is no employee ${ids.join(', ')}.`,
    { field, extensions: { unknownIds: ids } },
  );

export const notificationNotFound = (id: string) =>
  notificationsErrors.error(
    NotificationsReason.NOTIFICATION_NOT_FOUND,
    `Notification ${id} was not found.`,
    { extensions: { id } },
  );
