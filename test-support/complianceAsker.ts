import type { EntityManager } from '@mikro-orm/knex';
import type { CheckingCaller, ComplianceAnswer, PolicyRef, ResponderDefinition } from '../runtime';
import type { SubgraphHarness } from './startSubgraph';

/** A harness whose tables can be compared before and after a question. */
export interface SnapshotHarness extends SubgraphHarness {
  snapshot(): Promise<unknown>;
}

/**
 * Asks `module`'s compliance responder `name` as `caller` about `input`, and asserts that
 * nothing was written meanwhile: a check answers what a write would decide without making it.
 */
export function complianceAsker(
  h: SnapshotHarness,
  module: { responders?: ResponderDefinition[] },
  name: string,
): (caller: CheckingCaller, input: Record<string, unknown>) => Promise<ComplianceAnswer> {
  const responder = module.responders?.find((r) => r.name === name);
  if (!responder) throw new Error(`The module answers no ${name}.`);
  return async (caller, input) => {
    const before = await h.snapshot();
    const em = h.runtime.orm.em.fork() as EntityManager;
    const answer = (await responder.answer({ caller, input }, { em })) as ComplianceAnswer;
    expect(await h.snapshot()).toEqual(before);
    return answer;
  };
}

/**
 * A finding that `rule` is broken on `field`, judged by `policy`, whose message names that
 * policy at its end: "(ATTENDANCE v2)", or "(LEAVE/TOIL v2)" for a key other than DEFAULT.
 */
export function findingOf(
  rule: string,
  field: string,
  severity: 'WARNING' | 'REFUSAL',
  policy: PolicyRef,
) {
  const name = policy.key === 'DEFAULT' ? policy.kind : `${policy.kind}/${policy.key}`;
  const message = expect.stringMatching(new RegExp(` \\(${name} v${policy.version}\\)$`));
  return expect.objectContaining({ rule, field, severity, policy, message });
}
