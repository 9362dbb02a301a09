import { keysOf, POLICY_KINDS, type PolicyKind, SINGLE_KEY } from '../../../../runtime';
import { invalid } from '../errors';
import { isKeyOf, type PolicyKey } from './events';
import { parseInstant } from './parseInstant';
import { RULES_FIELD } from './policyView';

type RulesInput = Record<string, unknown> | null | undefined;

/** `UpdateCompliancePolicyInput` as GraphQL hands it over. */
export interface PolicyChangeInput {
  kind: PolicyKind;
  key?: string | null;
  effectiveFrom?: string | null;
  reason?: string | null;
  leave?: RulesInput;
  attendance?: RulesInput;
  workingTime?: RulesInput;
  retention?: RulesInput;
}

/** A change checked as far as it can be without the versions it builds on. */
export interface PolicyChange {
  kind: PolicyKind;
  key: PolicyKey;
  /** The rules given, to lay over the newest version's. */
  changes: Record<string, unknown>;
  /** Null: from the moment the change is written. */
  effectiveFrom: Date | null;
  reason: string | null;
}

/** A little clock skew between the caller and here is not "the past". */
const SKEW_MS = 1000;
/**
 * How far ahead a change may be scheduled: a year and a day, time to prepare the next leave
 * year. Each change must follow the newest version, so one scheduled decades ahead by a slip
 * of the keyboard would hold every later change back until then.
 */
export const MAX_AHEAD_DAYS = 366;
const DAY_MS = 24 * 3600_000;

/** The rules input of the change's kind; any other kind's is refused naming it. */
function changesOf(input: PolicyChangeInput): Record<string, unknown> {
  const own = RULES_FIELD[input.kind];
  for (const field of Object.values(RULES_FIELD))
    if (field !== own && input[field] != null)
      throw invalid(`input.${field}`, `A ${input.kind} policy is changed with \`${own}\` only.`);
  const given = input[own];
  if (given == null)
    throw invalid(`input.${own}`, `Give the changes to the ${input.kind} policy in \`${own}\`.`);
  // An absent field keeps its value; null is a value (no limit), checked with the rest.
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
}

/** A policy's key (DEFAULT when absent), or bad input on `field` when `kind` has no such key. */
export function policyKey(kind: PolicyKind, key: string | null | undefined, field: string) {
  const given = key ?? SINGLE_KEY;
  if (!isKeyOf(kind, given))
    throw invalid(field, `A ${kind} policy's key is one of ${keysOf(kind).join(', ')}.`);
  return given;
}

/** Checks the input of `updateCompliancePolicy` against itself and the clock. */
export function readPolicyChange(input: PolicyChangeInput, now: Date): PolicyChange {
  if (!POLICY_KINDS.includes(input.kind))
    throw invalid('input.kind', `kind is one of ${POLICY_KINDS.join(', ')}.`);
  const changes = changesOf(input);
  const key = policyKey(input.kind, input.key, 'input.key');
  const effectiveFrom =
    input.effectiveFrom == null ? null : parseInstant(input.effectiveFrom, 'input.effectiveFrom');
  if (effectiveFrom) checkEffectiveFrom(effectiveFrom, now);
  const reason = input.reason?.trim() || null;
  return { kind: input.kind, key, changes, effectiveFrom, reason };
}

/** Neither in the past nor more than {@link MAX_AHEAD_DAYS} ahead of `now`. */
function checkEffectiveFrom(effectiveFrom: Date, now: Date): void {
  if (effectiveFrom.getTime() < now.getTime() - SKEW_MS)
    throw invalid(
      'input.effectiveFrom',
      'effectiveFrom may not be in the past: what was decided keeps the version it was decided under.',
    );
  if (effectiveFrom.getTime() > now.getTime() + MAX_AHEAD_DAYS * DAY_MS)
    throw invalid(
      'input.effectiveFrom',
      `effectiveFrom may be at most ${MAX_AHEAD_DAYS} days ahead.`,
    );
}
