import type { EntityManager } from '@mikro-orm/knex';
import {
  answerCompliance,
  COMPLIANCE_CHECKS,
  type ComplianceAnswer,
  DomainError,
  ErrorCode,
  type Identity,
  refusalFinding,
  refusedQuestion,
  type ResponderDefinition,
} from '../../../runtime';
import { complianceException } from './workingTimeBreaches';
import {
  amendment,
  assertEmployeeMayHaveTime,
  entryProblems,
  recordedPeriod,
} from './entryProblems';
import { invalid, timeErrors } from './errors';
import type { AmendTimeEntryInput, RecordTimeEntryInput } from './inputs';
import { assertCanWriteTime } from './permissions';
import * as check from './inputs';
import type { WorkingTimePolicies } from './workingTimePolicies';

const MAX_ID = 36;

/** A compliance question's input: what recordTimeEntry takes, or an amend's with `entryId`. */
type CheckInput = RecordTimeEntryInput & Omit<AmendTimeEntryInput, 'id'> & { entryId?: unknown };

/** Refusals of the question itself rather than of the entry (caller, input, unknown ids). */
const REFUSING = new Set<string>([
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
]);

/** Time's refusals, and the kit's stale version that the write would also give. */
const answers = (error: unknown): error is DomainError =>
  timeErrors.is(error) || (error instanceof DomainError && error.reason === 'VERSION_CONFLICT');

/** Who asks, about what, and the policy the write would be judged by. */
interface Question {
  identity: Identity;
  input: CheckInput;
  policies: WorkingTimePolicies;
}

async function recordProblems(em: EntityManager, { identity, input, policies }: Question) {
  const { employeeId } = input;
  if (typeof employeeId !== 'string' || !employeeId || employeeId.length > MAX_ID)
    throw invalid('employeeId', 'employeeId must be an employee id.');
  assertCanWriteTime(identity, employeeId);
  const entry = recordedPeriod(input);
  const exception = complianceException(identity, input.complianceException);
  await assertEmployeeMayHaveTime(em, employeeId, { recording: true });
  const policy = await policies.at(em, new Date());
  return entryProblems(em, { employeeId, entry, exception, policy }, { all: true });
}

async function amendProblems(em: EntityManager, { identity, input, policies }: Question) {
  if (typeof input.entryId !== 'string' || input.entryId.length > MAX_ID)
    throw invalid('entryId', 'entryId must be a time entry id.');
  const expected = check.version('expectedVersion', input.expectedVersion);
  const exception = complianceException(identity, input.complianceException);
  const amend = { ...input, id: input.entryId };
  const { entry, next, changed } = await amendment(em, identity, amend, expected);
  if (!changed.size) return [];
  await assertEmployeeMayHaveTime(em, entry.employeeId, { recording: false });
  const policy = await policies.at(em, new Date());
  const amending = { id: entry.id, changed };
  return entryProblems(
    em,
    { employeeId: entry.employeeId, entry: next, amending, exception, policy },
    { all: true },
  );
}

/**
 * Whether a record (or, with `entryId`, an amend) would go through now, and every
 * reason it would not, by the very checks the write makes; nothing is written.
 */
export async function checkTimeEntry(
  em: EntityManager,
  question: Record<string, unknown>,
  policies: WorkingTimePolicies,
): Promise<ComplianceAnswer> {
  return answerCompliance(question, {
    answers,
    async check(identity) {
      if (typeof question.input !== 'object' || question.input === null)
        throw invalid('input', 'input must be the entry to check.');
      const asked = { identity, input: question.input as CheckInput, policies };
      const problems =
        asked.input.entryId === undefined
          ? await recordProblems(em, asked)
          : await amendProblems(em, asked);
      return { allowed: !problems.length, findings: problems.map(refusalFinding) };
    },
    refused: (error) =>
      REFUSING.has(error.code)
        ? refusedQuestion(error)
        : { allowed: false, findings: [refusalFinding(error)] },
  });
}

/** Answers `validateCompliance` about a time entry (runtime/src/policies/complianceCheck.ts). */
export const createComplianceResponder = (policies: WorkingTimePolicies): ResponderDefinition => ({
  name: COMPLIANCE_CHECKS.timeEntry,
  answer: (question, { em }) => checkTimeEntry(em, question, policies),
});
