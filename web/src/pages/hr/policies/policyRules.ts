import { problemsOf, type Problems } from '../../../api/problemsOf';
import type { PolicyRulesFragment } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/dates';

export type Scalar = string | number | boolean | null;

/** Which part of a policy holds the rules of each kind, as UpdateCompliancePolicyInput names it. */
export const RULES_OF = {
  LEAVE: 'leave',
  ATTENDANCE: 'attendance',
  WORKING_TIME: 'workingTime',
  RETENTION: 'retention',
} as const;

/** A policy's rules by name. */
export function rulesOf(policy: PolicyRulesFragment): Record<string, Scalar> {
  const rules = policy[RULES_OF[policy.kind]] as Record<string, Scalar> | null | undefined;
  return Object.fromEntries(Object.entries(rules ?? {}).filter(([key]) => key !== '__typename'));
}

export const rowKey = (p: PolicyRulesFragment) => `${p.kind}/${p.key}`;

/** Each rule as text, to edit in a field. */
export const draftOf = (rules: Record<string, Scalar>) =>
  Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, v === null ? '' : String(v)]));

/** The rules whose typed text differs from what they are, each as its own type. */
export function changedRules(
  current: Record<string, Scalar>,
  draft: Record<string, string>,
): Record<string, Scalar> {
  const rules: Record<string, Scalar> = {};
  for (const [key, was] of Object.entries(current)) {
    const text = draft[key];
    const value =
      typeof was === 'boolean'
        ? text === 'true'
        : typeof was === 'string'
          ? text
          : text === ''
            ? null
            : Number(text);
    if (value !== was) rules[key] = value;
  }
  return rules;
}

/**
 * A refusal of a new version: the server names a rule's field by itself or under its part
 * (leave.noticeDays); a field the form does not show is listed above its buttons.
 */
export function policyProblems(caught: unknown, shownFields: readonly string[]): Problems {
  const found = problemsOf(caught);
  for (const [name, problem] of Object.entries(found.byField)) {
    const bare = name.replace(/^(input\.)?[a-zA-Z]+\./, '');
    if (bare !== name) found.byField[bare] = problem;
  }
  const shown = new Set(shownFields);
  return {
    byField: found.byField,
    general: [
      ...found.general,
      ...Object.entries(found.byField)
        .filter(([name]) => !shown.has(name) && !shown.has(name.replace(/^.*\./, '')))
        .map(([, p]) => p),
    ],
  };
}

/**
 * When a version came into force, as people read it. The built-in defaults are stored as in
 * force from the epoch, which is no real date: they read as in force since the start.
 */
export const inForceFrom = (iso: string) =>
  Date.parse(iso) <= 0 ? 'Since the start (default)' : formatDateTime(iso);
