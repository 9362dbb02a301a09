import type { EntityManager, EntitySchema } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { CataloguedEvent, CataloguedHandler } from '../../../messaging';
import { POLICY_UPDATED } from './policyEvents';
import { type PolicyCopy, policyCopyId } from './policyCopySchema';
import { defaultVersion } from './policyDefaults';
import type { PolicyKind, PolicyVersion, RulesOf } from './policyRules';
import { readVersionInForce } from './readVersionInForce';

type PolicyUpdated = CataloguedEvent<typeof POLICY_UPDATED>;

/** How a subgraph keeps and reads its copies of the policies it decides with. */
export interface PolicyCopies {
  /** The consumer of `compliance.policy.updated` that fills the copy. */
  handler: CataloguedHandler<typeof POLICY_UPDATED>;
  /** Stores one event's version (a second delivery changes nothing). */
  apply(em: EntityManager, event: PolicyUpdated): Promise<void>;
  /**
   * The version of a policy in force at `at`: the newest the copy holds whose
   * `effectiveFrom` is not after it, else version 1, the deployment's defaults.
   */
  inForce<K extends PolicyKind>(
    em: EntityManager,
    kind: K,
    key: string,
    at: Date,
  ): Promise<PolicyVersion<K>>;
}

export interface PolicyCopiesOptions {
  /** The table, from `policyCopySchema`, listed among the subgraph's entities. */
  schema: EntitySchema<PolicyCopy>;
  /** The kinds this subgraph decides with; events of other kinds are ignored. */
  kinds: readonly PolicyKind[];
  /** Version 1's rules (default: the code's defaults with the setting variables over them). */
  defaults?: <K extends PolicyKind>(kind: K, key: string) => RulesOf[K];
}

/** Copies of compliance's policies, fed by its events (docs/compliance.md). */
export function createPolicyCopies(options: PolicyCopiesOptions): PolicyCopies {
  const { schema, kinds } = options;

  async function apply(em: EntityManager, { data }: PolicyUpdated): Promise<void> {
    if (!kinds.includes(data.kind)) return;
    const id = policyCopyId(data.kind, data.key, data.version);
    if (await em.findOne(schema, { id })) return;
    em.create(schema, {
      id,
      kind: data.kind,
      key: data.key,
      version: data.version,
      effectiveFrom: new Date(data.effectiveFrom),
      rules: data.rules,
      receivedAt: new Date(),
    });
    await em.flush();
  }

  async function inForce<K extends PolicyKind>(
    em: EntityManager,
    kind: K,
    key: string,
    at: Date,
  ): Promise<PolicyVersion<K>> {
    const copy = await readVersionInForce(em as SqlEntityManager, schema, kind, key, at);
    if (!copy) return defaultVersion(kind, key, options.defaults?.(kind, key));
    return { kind, key, ...copy, rules: copy.rules as RulesOf[K] };
  }

  return {
    handler: {
      name: 'policy_copy',
      types: [POLICY_UPDATED],
      handle: (event, ctx) => apply(ctx.em, event),
    },
    apply,
    inForce,
  };
}

/**
 * Copies of the one kind of policy a subgraph decides with, whose version 1 is the module's
 * settings (the deployment's variables), so a deployment that never changes it behaves as before.
 */
export const createSettingsPolicyCopies = <K extends PolicyKind>(
  schema: EntitySchema<PolicyCopy>,
  kind: K,
  settings: () => RulesOf[K],
): PolicyCopies =>
  createPolicyCopies({
    schema,
    kinds: [kind],
    defaults: <D extends PolicyKind>() => settings() as unknown as RulesOf[D],
  });
