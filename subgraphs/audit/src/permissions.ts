import { hasRole, type Identity } from '../../../runtime';
import { notAdmin, notAuditor } from './errors';

/** Reading, exporting and verifying the log: AUDITOR (and ADMIN). */
export function assertAuditor(identity: Identity): void {
  if (!hasRole(identity, 'AUDITOR')) throw notAuditor();
}

/** Purging the log: the retention job (SYSTEM) and ADMIN. */
export function assertPurger(identity: Identity): void {
  if (!hasRole(identity, 'SYSTEM')) throw notAdmin();
}

/** Reading, replaying and discarding dead letters: ADMIN only. */
export function assertDeadLetterAdmin(identity: Identity): void {
  if (identity.role !== 'ADMIN') throw notAdmin('Only administrators may handle dead letters.');
}
