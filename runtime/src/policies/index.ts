export {
  LEAVE_TYPES,
  MAX_ENTRY_MINUTES,
  POLICY_KINDS,
  SINGLE_KEY,
  keysOf,
  policyLabel,
  policyRef,
  type AnyRules,
  type AttendanceRules,
  type LeaveRules,
  type LeaveType,
  type PolicyKind,
  type PolicyRef,
  type PolicyVersion,
  type RetentionRules,
  type RulesOf,
  type WorkingTimeRules,
} from './policyRules';
export {
  DEFAULT_ATTENDANCE_RULES,
  DEFAULT_LEAVE_RULES,
  DEFAULT_RETENTION_RULES,
  DEFAULT_VARIABLES,
  DEFAULT_WORKING_TIME_RULES,
  DEFAULTS_EFFECTIVE_FROM,
  defaultRules,
  defaultVersion,
} from './policyDefaults';
export { checkPolicyRules, ruleNames, type PolicyProblem } from './checkPolicyRules';
export { POLICY_UPDATED, judgedBy, type PolicyUpdatedData } from './policyEvents';
export { policyCopyId, policyCopySchema, type PolicyCopy } from './policyCopySchema';
export { policyVersionColumns } from './policyVersionColumns';
export {
  createPolicyCopies,
  createSettingsPolicyCopies,
  type PolicyCopies,
  type PolicyCopiesOptions,
} from './policyCopies';
export {
  COMPLIANCE_CHECKS,
  type CheckingCaller,
  type ComplianceAnswer,
  type ComplianceFinding,
  type ComplianceQuestion,
} from './complianceCheck';
export { readCaller } from './readCaller';
export { refusalFinding, refusedQuestion } from './refusalFinding';
