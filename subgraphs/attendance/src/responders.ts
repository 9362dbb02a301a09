import type { EntityManager } from '@mikro-orm/knex';
import {
  answerCompliance,
  COMPLIANCE_CHECKS,
  type ComplianceAnswer,
  type ComplianceFinding,
  type Identity,
  localDate,
  managerChainLoader,
  policyLabel,
  policyRef,
  refusedQuestion,
  type ResponderDefinition,
} from '../../../runtime';
import type { AttendancePolicies, AttendancePolicy } from './attendancePolicies';
import type { AttendanceEntry, EmployeeCopy } from './entities';
import { AttendanceReason, attendanceErrors, invalid } from './errors';
import {
  assertNoOverlap,
  attendingEmployee,
  checkedManualEntry,
  correctable,
  type ManualEntry,
} from './manualEntry';
import { assertCanRecordManual } from './permissions';
import { dayInputs, judgeDay } from './processDay';
import type { DayOutcome } from './rules';
import * as check from './inputs';

/** The question's names for the mutation's fields. */
const FIELD: Record<string, string> = { checkInTime: 'checkIn', checkOutTime: 'checkOut' };
const fieldOf = (field: string | undefined) => (field ? (FIELD[field] ?? field) : null);

/**
 * What the entry would be refused for given a sound question: the rest (caller, input,
 * unknown ids) refuses the question itself.
 */
const REFUSING_THE_ENTRY = new Set<string>([
  AttendanceReason.ENTRY_OVERLAP,
  AttendanceReason.ENTRY_ALREADY_CORRECTED,
  AttendanceReason.EMPLOYEE_TERMINATED,
]);

const warning = (
  rule: string,
  field: string,
  message: string,
  policy: AttendancePolicy,
): ComplianceFinding => ({
  rule,
  field,
  message: `${message} (${policyLabel(policy)})`,
  severity: 'WARNING',
  policy: policyRef(policy),
});

/** What the day would show that the policy flags: lateness, early exit, a half day. */
function warningsOf(
  outcome: DayOutcome,
  dayPolicy: AttendancePolicy,
  checkInPolicy: AttendancePolicy,
): ComplianceFinding[] {
  const { graceMinutes, halfDayMinutes } = dayPolicy.rules;
  const warnings: ComplianceFinding[] = [];
  if (outcome.lateByMinutes > 0)
    warnings.push(
      warning(
        'LATE_ARRIVAL',
        'checkIn',
        `The day would show a late arrival: ${outcome.lateByMinutes} minutes after the planned start, beyond the ${checkInPolicy.rules.graceMinutes}-minute grace.`,
        checkInPolicy,
      ),
    );
  if (outcome.earlyExitMinutes > 0)
    warnings.push(
      warning(
        'EARLY_EXIT',
        'checkOut',
        `The day would show an early exit: ${outcome.earlyExitMinutes} minutes before the planned end, beyond the ${graceMinutes}-minute grace.`,
        dayPolicy,
      ),
    );
  if (outcome.status === 'HALF_DAY')
    warnings.push(
      warning(
        'HALF_DAY',
        'checkOut',
        `The day would be a half day: ${outcome.workedMinutes} minutes worked, below the ${halfDayMinutes} of a full day.`,
        dayPolicy,
      ),
    );
  return warnings;
}

/** The day's entries with the manual one in place (of the one it corrects). */
function entriesWith(entries: AttendanceEntry[], entry: ManualEntry): AttendanceEntry[] {
  // Judging reads only the check-in and check-out of an entry.
  const candidate = { checkInTime: entry.checkInTime, checkOutTime: entry.checkOutTime };
  return [...entries.filter((e) => e.id !== entry.correctsId), candidate as AttendanceEntry];
}

/** The refusals recordManualAttendance would make, in its order; throws the first. */
async function refusalsOf(
  em: EntityManager,
  identity: Identity,
  question: Record<string, unknown>,
): Promise<{ entry: ManualEntry; employee: EmployeeCopy; date: string }> {
  if (typeof question.input !== 'object' || question.input === null)
    throw invalid('input', 'input must be the manual entry to check.');
  const input = question.input as Record<string, unknown>;
  const employeeId = check.id('employeeId', input.employeeId);
  const chains = managerChainLoader(em, 'AttendanceEmployee');
  await assertCanRecordManual(identity, employeeId, (id) => chains.load(id));
  const entry = checkedManualEntry(
    {
      employeeId,
      checkInTime: input.checkIn as string,
      checkOutTime: input.checkOut as string | null | undefined,
      reason: input.reason as string | undefined,
      correctsEntryId: input.correctsEntryId as string | null | undefined,
    },
    new Date(),
    { reasonRequired: false },
  );
  const employee = await attendingEmployee(em, employeeId);
  // Without a date, the check-in's local day is the one checked.
  const date =
    input.date === undefined
      ? localDate(entry.checkInTime, employee.timeZone)
      : check.isoDate('date', input.date);
  if (localDate(entry.checkInTime, employee.timeZone) !== date)
    throw invalid('date', `date must be the local day of checkIn in ${employee.timeZone}.`);
  const original = entry.correctsId ? await correctable(em, entry.correctsId, employeeId) : null;
  const { checkInTime, checkOutTime } = entry;
  await assertNoOverlap(em, employeeId, 'checkIn', checkInTime, checkOutTime, original?.id);
  return { entry, employee, date };
}

/**
 * Whether a manual attendance entry would be recorded, by the checks the mutation makes,
 * and what the day would then show under the ATTENDANCE version in force; writes nothing.
 */
export async function checkAttendanceDay(
  em: EntityManager,
  question: Record<string, unknown>,
  policies: AttendancePolicies,
): Promise<ComplianceAnswer> {
  return answerCompliance(question, {
    answers: attendanceErrors.is,
    async check(identity) {
      const { entry, employee, date } = await refusalsOf(em, identity, question);
      const inputs = await dayInputs(em, employee.id, date);
      inputs.entries = entriesWith(inputs.entries, entry);
      const judged = judgeDay(employee, date, inputs, await policies.read(em));
      const findings = judged.outcome
        ? warningsOf(judged.outcome, judged.dayPolicy, judged.checkInPolicy)
        : [];
      return { allowed: true, findings };
    },
    refused(error) {
      const field = fieldOf(error.field);
      if (!REFUSING_THE_ENTRY.has(error.reason)) return refusedQuestion(error, field);
      const finding: ComplianceFinding = {
        rule: error.rule ?? error.reason,
        field,
        message: error.message,
        severity: 'REFUSAL',
        policy: null,
      };
      return { allowed: false, findings: [finding] };
    },
  });
}

/** Answers `validateCompliance` about an attendance day (runtime/src/policies/complianceCheck.ts). */
export const createComplianceResponder = (policies: AttendancePolicies): ResponderDefinition => ({
  name: COMPLIANCE_CHECKS.attendanceDay,
  answer: (question, { em }) => checkAttendanceDay(em, question, policies),
});
