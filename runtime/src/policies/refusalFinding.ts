import type { DomainError } from '../errors';
import type { ComplianceAnswer, ComplianceFinding } from './complianceCheck';
import type { PolicyRef } from './policyRules';

/** A refusal the operation would meet, as a finding: its rule (else reason), field and policy. */
export const refusalFinding = (error: DomainError): ComplianceFinding => ({
  rule: error.rule ?? error.reason,
  field: error.field ?? null,
  message: error.message,
  severity: 'REFUSAL',
  policy: (error.extensions.policy as PolicyRef | undefined) ?? null,
});

/** The answer to a question refused itself: the code, message and field a request would get. */
export const refusedQuestion = (
  error: DomainError,
  field: string | null = error.field ?? null,
): ComplianceAnswer => ({
  allowed: false,
  findings: [],
  refusal: { code: error.code, message: error.message, field },
});
