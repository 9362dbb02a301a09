import type { EntityManager } from '@mikro-orm/knex';
import {
  checkExpectedVersion,
  createInputCheck,
  type DomainError,
  findById,
  type Identity,
  type InputCheck,
} from '../../../runtime';
import { EmployeeCopySchema, TimeEntrySchema, type PeriodType, type TimeEntry } from './entities';
import {
  TIME_ENTRY,
  employeeTerminated,
  entryNotFound,
  invalid,
  overlap,
  unknownEmployee,
} from './errors';
import type { AmendTimeEntryInput, RecordTimeEntryInput } from './inputs';
import { assertCanWriteTime } from './permissions';
import { clashes, overlapping } from './queries';
import { workingTimeBreaches, type WorkingTimeCheck } from './workingTimeBreaches';
import * as check from './inputs';

/*
 * The decisions a record or an amend makes, shared by the write itself and by the
 * compliance check that answers what the write would do without making it.
 */

export interface Period {
  periodType: PeriodType;
  shiftType: string | null;
  startTime: Date;
  endTime: Date | null;
  mealBreakMinutes: number;
}

/** The checked period of a new entry; every bad field is BAD_USER_INPUT naming it, together. */
export function recordedPeriod(input: RecordTimeEntryInput): Period {
  const inputCheck = createInputCheck();
  const field = inputCheck.field;
  const period = {
    periodType: field(() => check.periodType(input.periodType)),
    shiftType: field(() => check.shiftType(input.shiftType)),
    startTime: field(() => check.dateTime('startTime', input.startTime)),
    endTime: field(() => check.optionalDateTime('endTime', input.endTime)),
    mealBreakMinutes: input.mealBreakMinutes ?? 0,
  };
  checkPeriod(inputCheck, period);
  inputCheck.done();
  return period as Period;
}

/** The entry as the amend leaves it, checked: absent fields stay as they are. */
function amendedPeriod(entry: TimeEntry, input: AmendTimeEntryInput): Period {
  const inputCheck = createInputCheck();
  const field = inputCheck.field;
  const has = (name: keyof AmendTimeEntryInput) => input[name] !== undefined;
  for (const name of ['periodType', 'startTime', 'mealBreakMinutes'] as const)
    if (input[name] === null)
      field(() => {
        throw invalid(name, `${name} cannot be null.`);
      });
  const next = {
    periodType: has('periodType')
      ? field(() => check.periodType(input.periodType))
      : entry.periodType,
    shiftType: has('shiftType') ? field(() => check.shiftType(input.shiftType)) : entry.shiftType,
    startTime: has('startTime')
      ? field(() => check.dateTime('startTime', input.startTime))
      : entry.startTime,
    endTime: has('endTime')
      ? field(() => check.optionalDateTime('endTime', input.endTime))
      : entry.endTime,
    mealBreakMinutes: has('mealBreakMinutes') ? input.mealBreakMinutes! : entry.mealBreakMinutes,
  };
  checkPeriod(inputCheck, next);
  inputCheck.done();
  return next as Period;
}

/** The meal break alone, then end against start once both are known to be good. */
function checkPeriod(
  inputCheck: InputCheck,
  period: { startTime?: Date | null; endTime?: Date | null; mealBreakMinutes: number | null },
): void {
  const meal = period.mealBreakMinutes;
  if (meal === null) return;
  inputCheck.field(() => check.mealBreak(meal));
  const { startTime, endTime } = period;
  if (startTime && endTime !== undefined)
    inputCheck.field(() => check.period(startTime, endTime, meal));
}

/** The fields of `next` that differ from the stored entry. */
function changedFields(entry: TimeEntry, next: Period): Set<keyof Period> {
  const instant = (date: Date | null | undefined) => date?.getTime() ?? null;
  const fields = (Object.keys(next) as (keyof Period)[]).filter((field) =>
    field === 'startTime' || field === 'endTime'
      ? instant(next[field]) !== instant(entry[field])
      : next[field] !== entry[field],
  );
  return new Set(fields);
}

/** The live entry, if `identity` may change it and `expected` is its version. */
export async function entryToChange(
  tx: EntityManager,
  identity: Identity,
  id: string,
  expected?: number,
): Promise<TimeEntry> {
  const entry =
    typeof id === 'string' && (await tx.findOne(TimeEntrySchema, { id, deletedAt: null }));
  if (!entry) throw entryNotFound(String(id));
  assertCanWriteTime(identity, entry.employeeId);
  checkExpectedVersion(TIME_ENTRY, expected, entry.version);
  return entry;
}

/**
 * An amend's first step, for the write and for the question whether it would go through:
 * the entry (if `identity` may change it at version `expected`), what the amend leaves of
 * it, and the fields that changes.
 */
export async function amendment(
  tx: EntityManager,
  identity: Identity,
  input: AmendTimeEntryInput,
  expected?: number,
): Promise<{ entry: TimeEntry; next: Period; changed: Set<keyof Period> }> {
  const entry = await entryToChange(tx, identity, input.id, expected);
  const next = amendedPeriod(entry, input);
  return { entry, next, changed: changedFields(entry, next) };
}

/** What time knows of the person: they exist and, for new time, are not terminated. */
export async function assertEmployeeMayHaveTime(
  tx: EntityManager,
  employeeId: string,
  opts: { recording: boolean },
): Promise<void> {
  const copy = await findById(tx, EmployeeCopySchema, employeeId);
  if (!copy) throw unknownEmployee(employeeId);
  if (opts.recording && copy.status === 'TERMINATED') throw employeeTerminated(employeeId);
}

/**
 * What refuses the entry, in the order the write checks: an overlap with another entry,
 * then the working-time rules of `check.policy`. The write stops at the first; `all` goes on.
 */
export async function entryProblems(
  tx: EntityManager,
  work: WorkingTimeCheck,
  opts: { all: boolean },
): Promise<DomainError[]> {
  const { employeeId, entry, amending } = work;
  const end = entry.endTime ?? null;
  const others = await overlapping(tx, employeeId, { start: entry.startTime, end }, amending?.id);
  const problems = others.length ? [overlap(clashes(entry.startTime, end, others))] : [];
  if (problems.length && !opts.all) return problems;
  return [...problems, ...(await workingTimeBreaches(tx, work, opts))];
}
