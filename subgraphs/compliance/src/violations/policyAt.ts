import type { EntityManager } from '@mikro-orm/core';
import type { PolicyKind, PolicyVersion } from '../../../../runtime';
import { policyInForceAt } from '../policies';

/**
 * The version of a policy in force at `at`, the one a violation is judged by and names:
 * compliance's own store of versions, read in the finding's transaction.
 */
export const policyAt = <K extends PolicyKind>(
  em: EntityManager,
  kind: K,
  key: string,
  at: Date,
): Promise<PolicyVersion<K>> => policyInForceAt(em, kind, key, at);
