import type { Identity, Role } from '../../src/identity';

/** A verified caller in `role`, for access rules; null `employeeId` is a service's token. */
export const identityAs = (role: Role, employeeId: string | null): Identity => ({
  subject: employeeId ?? 'service:x',
  role,
  employeeId,
  scopes: [],
  token: 't',
  expiresAt: 0,
});
