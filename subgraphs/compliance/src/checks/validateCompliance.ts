import {
  COMPLIANCE_CHECKS,
  type ComplianceAnswer,
  type ComplianceFinding,
  type ComplianceQuestion,
  DomainError,
  ErrorCode,
  localDate,
  NoOwnerError,
  OwnerUnavailableError,
} from '../../../../runtime';
import type { ComplianceContext } from '../resolvers';
import { forbidden, invalid, unavailableOwner } from '../errors';
import { parseInstant } from '../policies';
import { employeeZone } from './employeeZone';
import {
  QUESTION_FIELDS,
  attendanceDayInput,
  leaveRequestInput,
  timeEntryInput,
  type CheckedOperation,
} from './questionInputs';
import { readAnswer } from './readAnswer';

type Given = Record<string, unknown>;

/** `ComplianceCheckInput` as GraphQL hands it over. */
export type ComplianceCheckInput = Partial<Record<CheckedOperation, Given | null>>;

export interface ComplianceVerdict {
  allowed: boolean;
  findings: ComplianceFinding[];
}

const OPERATIONS = Object.keys(QUESTION_FIELDS) as CheckedOperation[];

/** The one operation the input names, or a BAD_USER_INPUT on `input`. */
function operationOf(input: ComplianceCheckInput): CheckedOperation {
  const given = OPERATIONS.filter((operation) => input[operation] != null);
  if (given.length !== 1)
    throw invalid('input', `Give exactly one of ${OPERATIONS.join(', ')}; ${given.length} given.`);
  return given[0]!;
}

/** The question's input; an attendance day needs the local day of its check-in. */
async function questionInput(
  ctx: ComplianceContext,
  operation: CheckedOperation,
  input: Given,
): Promise<Given> {
  if (operation === 'leaveRequest') return leaveRequestInput(input);
  if (operation === 'timeEntry') return timeEntryInput(input);
  const checkIn = parseInstant(input.checkInTime, 'checkInTime');
  const zone = await employeeZone(ctx, String(input.employeeId));
  return attendanceDayInput(input, localDate(checkIn, zone));
}

async function ask(ctx: ComplianceContext, name: string, question: ComplianceQuestion) {
  const owner = name.split('.')[0]!;
  try {
    return await ctx.askOwner(name, question as unknown as Given);
  } catch (error) {
    if (error instanceof OwnerUnavailableError || error instanceof NoOwnerError)
      throw unavailableOwner(`The ${owner} service cannot answer now; try again shortly.`, error);
    throw error;
  }
}

/** The error the real request would get; undefined for a code no request is refused with. */
function refusalError(
  refusal: NonNullable<ComplianceAnswer['refusal']>,
  fieldOf: (field: string) => string,
): DomainError | undefined {
  const code = refusal.code as ErrorCode;
  if (!Object.values(ErrorCode).includes(code) || code === ErrorCode.INTERNAL) return undefined;
  const field = refusal.field === null ? undefined : fieldOf(refusal.field);
  return new DomainError(code, refusal.message, code, { field });
}

/**
 * `validateCompliance`: asks the subgraph that decides the operation whether it would
 * allow it now, and answers with its very decision. A refusal of the question itself (the
 * caller may not ask, the input is bad) is the error the real request would get.
 */
export async function validateCompliance(
  ctx: ComplianceContext,
  input: ComplianceCheckInput,
): Promise<ComplianceVerdict> {
  if (ctx.identity.role === 'PARTNER') throw forbidden('A partner may not check compliance.');
  const operation = operationOf(input);
  const name = COMPLIANCE_CHECKS[operation];
  const fieldOf = QUESTION_FIELDS[operation];
  const { subject, role, employeeId } = ctx.identity;
  const raw = await ask(ctx, name, {
    caller: { subject, role, employeeId },
    input: await questionInput(ctx, operation, input[operation]!),
  });
  const answer = readAnswer(raw);
  const refused = answer?.refusal && refusalError(answer.refusal, fieldOf);
  if (refused) throw refused;
  if (!answer || answer.refusal) {
    ctx.logger.warn({ question: name }, 'unreadable compliance answer');
    throw unavailableOwner(`The ${name.split('.')[0]} service gave an answer that cannot be read.`);
  }
  const findings = answer.findings.map((finding) => ({
    ...finding,
    field: finding.field === null ? null : fieldOf(finding.field),
  }));
  return { allowed: answer.allowed, findings };
}
