import type { EntityManager } from '@mikro-orm/knex';
import type { CheckingCaller, ComplianceAnswer, ResponderDefinition } from '../runtime';
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
