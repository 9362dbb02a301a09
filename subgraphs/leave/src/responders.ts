import type { EntityManager } from '@mikro-orm/knex';
import {
  COMPLIANCE_CHECKS,
  type ComplianceAnswer,
  firstFault,
  readCaller,
  refusalFinding,
  refusedQuestion,
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
    async answer(question, { em }): Promise<ComplianceAnswer> {
      try {
        return await checkRequest(em, settings, question);
      } catch (thrown) {
        // The refusals a real request would get before any rule: who asks, and the input
        // (its first bad field, as a refusal names one).
        const error = firstFault(thrown);
        if (!leaveErrors.is(error)) throw thrown;
        return refusedQuestion(error);
      }
    },
  };
}

async function checkRequest(
  em: EntityManager,
  settings: LeaveSettings,
  question: Record<string, unknown>,
): Promise<ComplianceAnswer> {
  const caller = readCaller(question.caller);
  if ('refusal' in caller) return { allowed: false, findings: [], refusal: caller.refusal };
  const { identity } = caller;
  const input = check.questionInput(question.input);
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
