import { draftOf, type EventData } from '../../../messaging';

/** Why a sign-in was refused. */
export type FailureReason = EventData<'accounts.user.login_failed'>['reason'];

/** The subject of a failure for an e-mail no account has (the e-mail itself is never recorded). */
export const UNKNOWN_ACCOUNT = 'unknown';

export const loggedIn = (data: EventData<'accounts.user.logged_in'>) =>
  draftOf('accounts.user.logged_in', data.accountId, data);

export const loggedOut = (data: EventData<'accounts.user.logged_out'>) =>
  draftOf('accounts.user.logged_out', data.accountId, data);

export const loginFailed = (data: EventData<'accounts.user.login_failed'>) =>
  draftOf('accounts.user.login_failed', data.accountId ?? UNKNOWN_ACCOUNT, data);

export const roleChanged = (data: EventData<'accounts.account.role_changed'>) =>
  draftOf('accounts.account.role_changed', data.accountId, data);

export const partnerClientCreated = (client: {
  id: string;
  name: string;
  scopes: string[];
  quotaRequests: number | null;
  quotaCost: number | null;
}) =>
  draftOf('accounts.partner_client.created', client.id, {
    clientId: client.id,
    name: client.name,
    scopes: client.scopes,
    quotaRequests: client.quotaRequests,
    quotaCost: client.quotaCost,
  });

export const partnerClientRevoked = (data: { clientId: string; revokedAt: Date }) =>
  draftOf('accounts.partner_client.revoked', data.clientId, {
    clientId: data.clientId,
    revokedAt: data.revokedAt.toISOString(),
  });
