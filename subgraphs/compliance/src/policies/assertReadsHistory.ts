import { hasRole, type Identity } from '../../../../runtime/src/identity';
import { forbiddenTo } from '../errors';

/** A policy's past and scheduled versions: HR, ADMIN and AUDITOR. */
export function assertReadsHistory(identity: Identity): void {
  if (hasRole(identity, 'HR', 'AUDITOR')) return;
  throw forbiddenTo("Only HR, ADMIN and AUDITOR may read a policy's history.");
}
