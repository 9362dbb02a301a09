import { hasRole, type Identity, isSelf } from '../../../runtime';
import type { Notification } from './entities';
import { forbiddenTo } from './errors';

/** The employee id of the person calling: only a person has notifications. */
export function assertPerson(identity: Identity): string {
  if (identity.role === 'PARTNER' || !identity.employeeId)
    throw forbiddenTo('Only a person has notifications.');
  return identity.employeeId;
}

/** Sending notifications: HR and SYSTEM (and ADMIN). */
export function assertMaySend(identity: Identity): void {
  if (!hasRole(identity, 'HR', 'SYSTEM'))
    throw forbiddenTo('Only HR and SYSTEM may send notifications.');
}

/** A notification is its recipient's alone: nobody else may read it, nor learn it exists. */
export const mayRead = (identity: Identity, notification: Notification): boolean =>
  isSelf(identity, notification.recipientId);
