import { hasRole, type Identity } from '../../../runtime/src/identity';
import { AuditError, AuditReason, notAdmin, notAuditor } from './errors';

/** Reading, exporting and verifying the log: AUDITOR (and ADMIN). */
export function requireAuditor(ctx: { identity: Identity }): void {
  if (!hasRole(ctx.identity, 'AUDITOR')) throw notAuditor();
}

/** Purging the log: the retention job (SYSTEM) and ADMIN. */
export function requirePurger(ctx: { identity: Identity }): void {
  if (!hasRole(ctx.identity, 'SYSTEM')) throw notAdmin();
}

/** Reading, replaying and discarding dead letters: ADMIN only. */
export function requireAdmin(ctx: { identity: Identity }): void {
  if (ctx.identity.role !== 'ADMIN') {
    throw new AuditError(AuditReason.NOT_ADMIN, 'Only administrators may handle dead letters.');
  }
}
