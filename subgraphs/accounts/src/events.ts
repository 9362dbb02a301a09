import type { CataloguedDraft, EventData } from '../../../messaging';

/** Why a sign-in was refused. */
export type FailureReason = EventData<'accounts.user.login_failed'>['reason'];

/** The subject of a failure for an e-mail no account has (the e-mail itself is never recorded). */
export const UNKNOWN_ACCOUNT = 'unknown';

export const loggedIn = (
  data: EventData<'accounts.user.logged_in'>,
): CataloguedDraft<'accounts.user.logged_in'> => ({
  type: 'accounts.user.logged_in',
  subject: data.accountId,
  data,
});

export const loggedOut = (
  data: EventData<'accounts.user.logged_out'>,
): CataloguedDraft<'accounts.user.logged_out'> => ({
  type: 'accounts.user.logged_out',
  subject: data.accountId,
  data,
});

export const loginFailed = (
  data: EventData<'accounts.user.login_failed'>,
): CataloguedDraft<'accounts.user.login_failed'> => ({
  type: 'accounts.user.login_failed',
  subject: data.accountId ?? UNKNOWN_ACCOUNT,
  data,
});

export const roleChanged = (
  data: EventData<'accounts.account.role_changed'>,
): CataloguedDraft<'accounts.account.role_changed'> => ({
  type: 'accounts.account.role_changed',
  subject: data.accountId,
  data,
});

export const partnerClientCreated = (client: {
  id: string;
  name: string;
  scopes: string[];
  quotaRequests: number | null;
  quotaCost: number | null;
}): CataloguedDraft<'accounts.partner_client.created'> => ({
  type: 'accounts.partner_client.created',
  subject: client.id,
  data: {
    clientId: client.id,
    name: client.name,
    scopes: client.scopes,
    quotaRequests: client.quotaRequests,
    quotaCost: client.quotaCost,
  },
});

export const partnerClientRevoked = (data: {
  clientId: string;
  revokedAt: Date;
}): CataloguedDraft<'accounts.partner_client.revoked'> => ({
  type: 'accounts.partner_client.revoked',
  subject: data.clientId,
  data: { clientId: data.clientId, revokedAt: data.revokedAt.toISOString() },
});
