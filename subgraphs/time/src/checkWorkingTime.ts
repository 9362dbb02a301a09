import type { EntityManager } from '@mikro-orm/knex';
import { hasRole, type Identity } from '../../../runtime/src/identity';
import { EmployeeCopySchema } from './entities';
import { forbiddenTo, invalid, ruleBroken, type Breach } from './errors';
import { overtimeWithin } from './queries';
import { settings } from './settings';
import { DEFAULT_TIME_ZONE } from './validation';
import {
  READS,
  WORKING_TIME_RULES,
  dailyOvertimeCap,
  futureStart,
  localDaysOf,
  maxEntryLength,
  minimumBreak,
  type EntryPeriod,
  type WorkingTimeRule,
} from './workingTimeRules';

/** HR's leave to break named rules for one write; the entry's event carries it. */
export interface ComplianceException {
  rules: WorkingTimeRule[];
  reason: string;
}

export interface ComplianceExceptionInput {
  rules?: unknown;
  reason?: unknown;
}

const FIELD = 'complianceException';

/** The checked exception of a record or amend, or null; only HR and ADMIN may give one. */
export function complianceException(
  identity: Identity,
  input: ComplianceExceptionInput | null | undefined,
): ComplianceException | null {
  if (input === null || input === undefined) return null;
  if (!hasRole(identity, 'HR'))
    throw forbiddenTo('Only HR may record an exception to the working-time rules.');
  const rules = Array.isArray(input.rules) ? input.rules : [];
  if (!rules.length || !rules.every((r) => WORKING_TIME_RULES.includes(r as WorkingTimeRule)))
    throw invalid(
      `${FIELD}.rules`,
      `rules must name one or more of ${WORKING_TIME_RULES.join(', ')}.`,
    );
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) throw invalid(`${FIELD}.reason`, 'An exception needs a reason.');
  return { rules: WORKING_TIME_RULES.filter((r) => rules.includes(r)), reason };
}

export interface WorkingTimeCheck {
  employeeId: string;
  entry: EntryPeriod;
  /** On amend: the entry's id (left out of its own day's overtime) and the fields it changes. */
  amending?: { id: string; changed: ReadonlySet<string> };
  exception: ComplianceException | null;
}

/**
 * Throws POLICY_VIOLATION naming the first working-time rule the entry breaks, leaving
 * out the rules HR's exception waives. Runs inside the write's transaction, after the
 * person's write turn, so the day's other overtime cannot change meanwhile.
 */
export async function checkWorkingTime(tx: EntityManager, check: WorkingTimeCheck): Promise<void> {
  const { employeeId, entry, amending, exception } = check;
  const due = WORKING_TIME_RULES.filter(
    (rule) =>
      !exception?.rules.includes(rule) &&
      (!amending || READS[rule].some((field) => amending.changed.has(field))),
  );
  if (!due.length) return;
  const s = settings();
  const zone = (await tx.findOne(EmployeeCopySchema, employeeId))?.timeZone ?? DEFAULT_TIME_ZONE;
  const breachOf: Record<WorkingTimeRule, () => Promise<Breach | undefined>> = {
    FUTURE_START: async () => futureStart(entry, new Date(), zone, s),
    MAX_ENTRY_LENGTH: async () => maxEntryLength(entry, s),
    DAILY_OVERTIME_CAP: async () => {
      if (entry.periodType !== 'OVERTIME' || !entry.endTime) return undefined;
      const { from, to } = localDaysOf(entry, zone);
      const others = await overtimeWithin(tx, employeeId, from, to, amending?.id);
      return dailyOvertimeCap(entry, others, zone, s);
    },
    MINIMUM_BREAK: async () => minimumBreak(entry, s),
  };
  for (const rule of due) {
    const breach = await breachOf[rule]();
    if (breach) throw ruleBroken(breach);
  }
}
