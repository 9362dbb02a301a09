import type { PolicyRef } from './policyRules';

/**
 * `validateCompliance` asks the deciding subgraph itself (NATS request/reply, runtime's
 * ownerRequests), so the answer is the very decision a real request would get, without
 * writing anything. These are the questions' names, the question and the answer.
 */
export const COMPLIANCE_CHECKS = {
  leaveRequest: 'leave.compliance_check',
  timeEntry: 'time.compliance_check',
  attendanceDay: 'attendance.compliance_check',
} as const;

/** Who asks: the caller of `validateCompliance`, checked by the answering subgraph too. */
export interface CheckingCaller {
  subject: string;
  role: string;
  employeeId: string | null;
}

/** The question: the caller and the input of the operation that would be sent. */
export interface ComplianceQuestion {
  caller: CheckingCaller;
  input: Record<string, unknown>;
}

/** One reason the operation would be refused, or a warning it would be recorded with. */
export interface ComplianceFinding {
  /** The rule, as the refusal would name it (e.g. `NOTICE_PERIOD`, `LATE_ARRIVAL`). */
  rule: string;
  /** The input field at fault, when one is. */
  field: string | null;
  message: string;
  /** REFUSAL: the operation would fail; WARNING: it would go through but be noted. */
  severity: 'REFUSAL' | 'WARNING';
  /** The policy and version that decided it, when a policy did. */
  policy: PolicyRef | null;
}

/**
 * The answer. `refusal` is set instead when the caller may not ask or the input is bad (not
 * `error`: the asker reads an answer with `error` as the owner failing).
 */
export interface ComplianceAnswer {
  allowed: boolean;
  findings: ComplianceFinding[];
  /** A refusal of the question itself: the code and field a real request would get. */
  refusal?: { code: string; message: string; field: string | null };
}
