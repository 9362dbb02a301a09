import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import {
  type AnyRules,
  checkPolicyRules,
  policyLabel,
  type PolicyProblem,
  ruleNames,
  SINGLE_KEY,
} from '../../../../runtime';
import { emittingIn } from '../events';
import type { ComplianceContext } from '../resolvers';
import type { ComplianceSettings } from '../settings';
import { changedMeanwhile, complianceErrors, invalid } from '../errors';
import { assertHr } from '../permissions';
import { policyUpdated } from './events';
import { PolicyVersionSchema, type StoredPolicyVersion } from './PolicyVersionSchema';
import { inForceAt, newestOf, readHistory, type PolicyRecord } from './policyHistory';
import { RULES_FIELD, toPolicyView, type PolicyView } from './policyView';
import { readPolicyChange, type PolicyChange, type PolicyChangeInput } from './readPolicyChange';

/** The input field a problem of the kit's check stands for. */
function inputField(change: PolicyChange, problem: PolicyProblem): string {
  const own = `input.${RULES_FIELD[change.kind]}`;
  if (problem.field === 'key') return 'input.key';
  if (problem.field === 'rules') return own;
  return problem.field.replace(/^rules\./, `${own}.`);
}

const sameRules = (change: PolicyChange, a: AnyRules, b: AnyRules): boolean =>
  ruleNames(change.kind).every(
    (name) =>
      (a as unknown as Record<string, unknown>)[name] ===
      (b as unknown as Record<string, unknown>)[name],
  );

/** The rules of the new version: the newest version's, with the change laid over them. */
function nextRules(change: PolicyChange, base: PolicyRecord): AnyRules {
  const rules = { ...base.rules, ...change.changes } as AnyRules;
  const [problem] = checkPolicyRules(change.kind, change.key, rules);
  if (problem) throw invalid(inputField(change, problem), problem.message);
  if (sameRules(change, rules, base.rules))
    throw invalid('input', `The change leaves ${policyLabel(base)} as it is.`);
  return rules;
}

function nextStart(change: PolicyChange, base: PolicyRecord, now: Date): Date {
  const effectiveFrom = change.effectiveFrom ?? now;
  if (effectiveFrom.getTime() <= base.effectiveFrom.getTime())
    throw invalid(
      'input.effectiveFrom',
      `effectiveFrom must be after ${base.effectiveFrom.toISOString()}, when ${policyLabel(base)} takes effect.`,
    );
  return effectiveFrom;
}

/** Writes the next version and its event in one transaction. */
async function writeVersion(
  ctx: ComplianceContext,
  settings: ComplianceSettings,
  change: PolicyChange,
): Promise<PolicyView> {
  return ctx.em.fork().transactional(async (tx) => {
    const history = await readHistory(tx, change.kind, change.key);
    const base = newestOf(history);
    const now = settings.now();
    const row = {
      id: uuidv7(),
      kind: change.kind,
      key: change.key,
      version: base.version + 1,
      effectiveFrom: nextStart(change, base, now),
      rules: nextRules(change, base),
      changedBy: ctx.identity.subject,
      reason: change.reason,
      createdAt: now,
    } satisfies StoredPolicyVersion;
    // At once, so a version taken meanwhile fails here rather than at commit.
    await tx.insert(PolicyVersionSchema, row);
    emittingIn(ctx, tx)(policyUpdated({ ...row, key: change.key }, base.rules));
    const record: PolicyRecord = { ...row, changedBy: row.changedBy, reason: row.reason };
    return toPolicyView(record, inForceAt([...history, record], now).version);
  });
}

/**
 * `updateCompliancePolicy`: the next version of a policy. Two changes of one policy at
 * once both read the same newest version; the unique version lets one through, and the
 * other goes again on the version that won, or is a CONFLICT when that refuses it.
 */
export async function updatePolicy(
  ctx: ComplianceContext,
  settings: ComplianceSettings,
  input: PolicyChangeInput,
): Promise<PolicyView> {
  assertHr(ctx.identity, 'change a policy');
  const change = readPolicyChange(input, settings.now());
  try {
    return await writeVersion(ctx, settings, change);
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
  try {
    return await writeVersion(ctx, settings, change);
  } catch (error) {
    const refused = complianceErrors.is(error, 'INVALID_INPUT');
    if (!refused && !(error instanceof UniqueConstraintViolationException)) throw error;
    const why = refused ? ` ${error.message}` : '';
    const name = change.key === SINGLE_KEY ? change.kind : `${change.kind}/${change.key}`;
    throw changedMeanwhile(
      `${name} was changed by someone else at the same time: read it again.${why}`,
    );
  }
}
