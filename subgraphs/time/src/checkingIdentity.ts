import type { CheckingCaller } from '../../../runtime/src/policies';
import { isRole, type Identity } from '../../../runtime/src/identity';
import { invalid } from './errors';

const MAX_SUBJECT = 200;

/**
 * The identity a compliance question is asked for. The asker has verified the caller's
 * token; only what the permission checks read is carried, so it is checked here as input.
 */
export function checkingIdentity(caller: unknown): Identity {
  const c = (
    typeof caller === 'object' && caller !== null ? caller : {}
  ) as Partial<CheckingCaller>;
  const employeeId = c.employeeId ?? null;
  const subjectOk = typeof c.subject === 'string' && c.subject.length <= MAX_SUBJECT;
  const employeeOk =
    employeeId === null || (typeof employeeId === 'string' && employeeId.length <= MAX_SUBJECT);
  if (!subjectOk || !isRole(c.role) || !employeeOk)
    throw invalid('caller', 'caller must give subject, role and employeeId (or null).');
  return {
    subject: c.subject as string,
    role: c.role,
    employeeId,
    scopes: [],
    token: '',
    expiresAt: 0,
  };
}
