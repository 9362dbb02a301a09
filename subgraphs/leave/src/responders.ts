import type { EntityManager } from '@mikro-orm/knex';
import {
  answerCompliance,
  COMPLIANCE_CHECKS,
  type ComplianceAnswer,
  type Identity,
  refusalFinding,
  type ResponderDefinition,
} from '../../../runtime';
import { EmployeeCopySchema } from './entities';
import { leaveErrors, unknownEmployee } from './errors';
import * as check from './inputs';
import { judgeRequest } from './judgeRequest';
import { createLoaders } from './loaders';
import { assertCanCheckFor } from './permissions';
import type { LeaveSettings } from './settings';

/**
 * Answers validateCompliance about a leave request: the very checks `requestLeave` runs
 * (the caller, the input, every rule of the policy in force, overlaps, the balance),
 * writing nothing. The question is `{ caller, input }`, input as `RequestLeaveInput`.
 */
export function leaveComplianceResponder(settings: LeaveSettings): ResponderDefinition {
  return {
    name: COMPLIANCE_CHECKS.leaveRequest,
    // The refusals a real request would get before any rule (who asks, and the input)
    // refuse the question itself.
    answer: (question, { em }) =>
      answerCompliance(question, {
        answers: leaveErrors.is,
        check: (identity) => checkRequest(em, settings, identity, question.input),
      }),
  };
}

async function checkRequest(
  em: EntityManager,
  settings: LeaveSettings,
  identity: Identity,
  asked: unknown,
): Promise<ComplianceAnswer> {
  const input = check.questionInput(asked);
  check.idempotencyKey(input.idempotencyKey);
  const request = check.requestInput(input, identity.employeeId);
  const { managerChain } = createLoaders({ em });
  await assertCanCheckFor(identity, request.employeeId, (id) => managerChain.load(id));
  const employee = await em.findOne(EmployeeCopySchema, request.employeeId);
  if (!employee) throw unknownEmployee(request.employeeId);
  const { config, policies, now } = settings;
  const judging = { config, policies, now: now() };
  const { violations } = await judgeRequest(em, judging, request, employee);
  return { allowed: violations.length === 0, findings: violations.map(refusalFinding) };
}
