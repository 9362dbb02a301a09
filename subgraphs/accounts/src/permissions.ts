import { hasRole, type Identity } from '../../../runtime';
import { forbiddenTo } from './errors';

/** HR and ADMIN manage accounts: invitations and roles. */
export function assertManagesAccounts(identity: Identity): void {
  if (!hasRole(identity, 'HR')) throw forbiddenTo('Only HR and ADMIN manage accounts.');
}

/** Only an ADMIN manages partner clients. */
export function assertAdmin(identity: Identity): void {
  if (identity.role !== 'ADMIN') throw forbiddenTo('Only an ADMIN manages partner clients.');
}
