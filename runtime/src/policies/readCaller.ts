import { isRole, type Identity } from '../identity';
import type { ComplianceAnswer } from './complianceCheck';

const MAX_SUBJECT = 200;
const MAX_ID = 128;

type Refusal = NonNullable<ComplianceAnswer['refusal']>;

const refused = (field: string, message: string): { refusal: Refusal } => ({
  refusal: { code: 'BAD_USER_INPUT', message, field },
});

/**
 * The identity a compliance question is asked for. The asker verified the caller's token;
 * only what permission checks read is carried, so it is checked here as any input is.
 * A malformed caller is the question's refusal, naming the field.
 */
export function readCaller(raw: unknown): { identity: Identity } | { refusal: Refusal } {
  const caller = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { subject, role, employeeId = null } = caller;
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > MAX_SUBJECT)
    return refused('caller.subject', 'caller.subject must be the token subject.');
  if (!isRole(role)) return refused('caller.role', 'caller.role must be a role.');
  if (employeeId !== null && (typeof employeeId !== 'string' || employeeId.length > MAX_ID))
    return refused('caller.employeeId', 'caller.employeeId must be an id or null.');
  return { identity: { subject, role, employeeId, scopes: [], token: '', expiresAt: 0 } };
}
