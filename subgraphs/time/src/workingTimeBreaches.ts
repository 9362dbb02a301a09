import type { EntityManager } from '@mikro-orm/knex';
import {
  DEFAULT_TIME_ZONE,
  type DomainError,
  findById,
  hasRole,
  type Identity,
  type PolicyVersion,
} from '../../../runtime';
import { EmployeeCopySchema } from './entities';
import { forbidden, invalid, ruleBroken, type Breach } from './errors';
import { nonEmpty, type NonEmpty } from './events';
import { overtimeWithin } from './queries';
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

/** HR's leave to break named rules (one at least) for one write; the entry's event carries it. */
export interface ComplianceException {
  rules: NonEmpty<WorkingTimeRule>;
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
    throw forbidden('Only HR may record an exception to the working-time rules.');
  const rules = Array.isArray(input.rules) ? input.rules : [];
  if (!rules.length || !rules.every((r) => WORKING_TIME_RULES.includes(r as WorkingTimeRule)))
    throw invalid(
      `${FIELD}.rules`,
      `rules must name one or more of ${WORKING_TIME_RULES.join(', ')}.`,
    );
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) throw invalid(`${FIELD}.reason`, 'An exception needs a reason.');
  return {
    rules: nonEmpty(
      WORKING_TIME_RULES.filter((r) => rules.includes(r)),
      'rules',
    ),
    reason,
  };
}

export interface WorkingTimeCheck {
  employeeId: string;
  entry: EntryPeriod;
  /** On amend: the entry's id (left out of its own day's overtime) and the fields it changes. */
  amending?: { id: string; changed: ReadonlySet<string> };
  exception: ComplianceException | null;
  /** The WORKING_TIME version in force at the write, which judges it and is named in refusals. */
  policy: PolicyVersion<'WORKING_TIME'>;
}

/**
 * The POLICY_VIOLATIONs of the working-time rules the entry breaks, in rule order, leaving
 * out the rules HR's exception waives; the first only unless `all`. Runs inside the write's
 * transaction, after the person's write turn, so the day's other overtime cannot change
 * meanwhile.
 */
export async function workingTimeBreaches(
  tx: EntityManager,
  check: WorkingTimeCheck,
  opts: { all: boolean },
): Promise<DomainError[]> {
  const { employeeId, entry, amending, exception, policy } = check;
  const due = WORKING_TIME_RULES.filter(
    (rule) =>
      !exception?.rules.includes(rule) &&
      (!amending || READS[rule].some((field) => amending.changed.has(field))),
  );
  if (!due.length) return [];
  const s = policy.rules;
  const zone = (await findById(tx, EmployeeCopySchema, employeeId))?.timeZone ?? DEFAULT_TIME_ZONE;
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
  const breaches: DomainError[] = [];
  for (const rule of due) {
    const breach = await breachOf[rule]();
    if (breach) breaches.push(ruleBroken(breach, policy));
    if (breaches.length && !opts.all) break;
  }
  return breaches;
}
