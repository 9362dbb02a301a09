import { DomainError, ErrorCode } from '../../../../runtime/src/errors';
import { NoOwnerError, OwnerUnavailableError } from '../../../../runtime/src/ownerRequests';
import {
  COMPLIANCE_CHECKS,
  type ComplianceAnswer,
  type ComplianceFinding,
  type ComplianceQuestion,
} from '../../../../runtime/src/policies';
import type { ComplianceContext } from '../context';
import { forbiddenTo, invalid, unavailableOwner } from '../errors';
import { QUESTION_INPUTS, type CheckedOperation } from './questionInputs';
import { readAnswer } from './readAnswer';

/** `ComplianceCheckInput` as GraphQL hands it over. */
export type ComplianceCheckInput = Partial<
  Record<CheckedOperation, Record<string, unknown> | null>
>;

export interface ComplianceVerdict {
  allowed: boolean;
  findings: ComplianceFinding[];
}

const OPERATIONS = Object.keys(QUESTION_INPUTS) as CheckedOperation[];

/** The one operation the input names, or a BAD_USER_INPUT on `input`. */
function operationOf(input: ComplianceCheckInput): CheckedOperation {
  const given = OPERATIONS.filter((operation) => input[operation] != null);
  if (given.length !== 1)
    throw invalid('input', `Give exactly one of ${OPERATIONS.join(', ')}; ${given.length} given.`);
  return given[0]!;
}

/** The error the real request would get; undefined for a code no request is refused with. */
function refusalError(refusal: NonNullable<ComplianceAnswer['refusal']>): DomainError | undefined {
  const code = refusal.code as ErrorCode;
  if (!Object.values(ErrorCode).includes(code) || code === ErrorCode.INTERNAL) return undefined;
  return new DomainError(code, refusal.message, code, { field: refusal.field ?? undefined });
}

async function ask(ctx: ComplianceContext, name: string, question: ComplianceQuestion) {
  const owner = name.split('.')[0]!;
  try {
    return await ctx.askOwner(name, question as unknown as Record<string, unknown>);
  } catch (error) {
    if (error instanceof OwnerUnavailableError || error instanceof NoOwnerError)
      throw unavailableOwner(`The ${owner} service cannot answer now; try again shortly.`, error);
    throw error;
  }
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
  if (ctx.identity.role === 'PARTNER') throw forbiddenTo('A partner may not check compliance.');
  const operation = operationOf(input);
  const name = COMPLIANCE_CHECKS[operation];
  const { subject, role, employeeId } = ctx.identity;
  const raw = await ask(ctx, name, {
    caller: { subject, role, employeeId },
    input: QUESTION_INPUTS[operation](input[operation]!),
  });
  const answer = readAnswer(raw);
  const refused = answer?.refusal && refusalError(answer.refusal);
  if (refused) throw refused;
  if (!answer || answer.refusal) {
    ctx.logger.warn({ question: name }, 'unreadable compliance answer');
    throw unavailableOwner(`The ${name.split('.')[0]} service gave an answer that cannot be read.`);
  }
  return { allowed: answer.allowed, findings: answer.findings };
}
