import {
  type ComplianceAnswer,
  type ComplianceFinding,
  POLICY_KINDS,
  type PolicyRef,
} from '../../../../runtime';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || value === undefined || isText(value);

function isPolicyRef(value: unknown): value is PolicyRef {
  return (
    isObject(value) &&
    POLICY_KINDS.includes(value.kind as never) &&
    isText(value.key) &&
    Number.isInteger(value.version) &&
    (value.version as number) >= 1
  );
}

function readFinding(value: unknown): ComplianceFinding | undefined {
  if (!isObject(value) || !isText(value.rule) || !isText(value.message)) return undefined;
  if (!isTextOrNull(value.field)) return undefined;
  if (value.severity !== 'REFUSAL' && value.severity !== 'WARNING') return undefined;
  const policy = value.policy ?? null;
  if (policy !== null && !isPolicyRef(policy)) return undefined;
  return {
    rule: value.rule,
    field: (value.field as string | null | undefined) ?? null,
    message: value.message,
    severity: value.severity,
    policy: policy && { kind: policy.kind, key: policy.key, version: policy.version },
  };
}

function readRefusal(value: unknown): ComplianceAnswer['refusal'] | undefined {
  if (!isObject(value) || !isText(value.code) || !isText(value.message)) return undefined;
  if (!isTextOrNull(value.field)) return undefined;
  return {
    code: value.code,
    message: value.message,
    field: (value.field as string | null | undefined) ?? null,
  };
}

/**
 * The owner's answer when it has the shape of {@link ComplianceAnswer}, else undefined:
 * an answer this side cannot read is the owner failing, not a verdict.
 */
export function readAnswer(value: unknown): ComplianceAnswer | undefined {
  if (!isObject(value)) return undefined;
  if (value.refusal !== undefined && value.refusal !== null) {
    const refusal = readRefusal(value.refusal);
    return refusal && { allowed: false, findings: [], refusal };
  }
  if (typeof value.allowed !== 'boolean' || !Array.isArray(value.findings)) return undefined;
  const findings = value.findings.map(readFinding);
  if (findings.some((finding) => !finding)) return undefined;
  return { allowed: value.allowed, findings: findings as ComplianceFinding[] };
}
