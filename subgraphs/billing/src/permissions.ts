import { createReadCheck, hasRole, type Identity } from '../../../runtime';
import { forbiddenTo } from './errors';

/** Rate cards, the ledger, statements and the daily close: FINANCE and ADMIN. */
export function assertFinance(identity: Identity, what: string): void {
  if (hasRole(identity, 'FINANCE')) return;
  throw forbiddenTo(`Only FINANCE may ${what}.`);
}

/** Grades are reference data kept by HR and FINANCE (and ADMIN); they read them too. */
export function assertCanKeepGrades(identity: Identity, what: string): void {
  if (hasRole(identity, 'HR', 'FINANCE')) return;
  throw forbiddenTo(`Only HR and FINANCE may ${what}.`);
}

/** Closing a day: FINANCE, ADMIN, and SYSTEM (the scheduler). */
export function assertCanClose(identity: Identity): void {
  if (hasRole(identity, 'FINANCE', 'SYSTEM')) return;
  throw forbiddenTo('Only FINANCE may close a billing day.');
}

/**
 * An employee's cost: FINANCE, HR, ADMIN and SYSTEM for anyone; the employee themself;
 * a MANAGER for their direct and indirect reports. Everyone else is FORBIDDEN.
 */
export const assertCanReadCost = createReadCheck(
  () => forbiddenTo("You may not read this employee's cost."),
  'FINANCE',
  'HR',
  'SYSTEM',
);
