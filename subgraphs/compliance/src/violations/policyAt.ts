import type { EntityManager } from '@mikro-orm/core';
import {
  defaultVersion,
  type PolicyKind,
  type PolicyVersion,
} from '../../../../runtime/src/policies';

/**
 * The version of a policy in force at `at`, the one a violation is judged by and names.
 * Every finding reads its policy through here and nowhere else. It answers version 1, the
 * deployment's defaults, until it is pointed at compliance's own store of policy versions;
 * `em` is the transaction that store will be read in.
 */
export async function policyAt<K extends PolicyKind>(
  _em: EntityManager,
  kind: K,
  key: string,
  _at: Date,
): Promise<PolicyVersion<K>> {
  return defaultVersion(kind, key);
}
