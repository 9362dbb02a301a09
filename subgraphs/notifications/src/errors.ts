import { defineDomainErrors } from '../../../runtime';

/** Why notifications refuses, beyond the shared reasons, under the code each is answered with. */
export const notificationsErrors = defineDomainErrors('NotificationsError', {
  BAD_USER_INPUT: ['UNKNOWN_RECIPIENT'],
  NOT_FOUND: ['NOTIFICATION_NOT_FOUND'],
});

export const NotificationsReason = notificationsErrors.reasons;
export type NotificationsReason = keyof typeof NotificationsReason;

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
  notificationsErrors.notFound(NotificationsReason.NOTIFICATION_NOT_FOUND, 'Notification', id);
