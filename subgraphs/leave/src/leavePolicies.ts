import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedHandler } from '../../../messaging';
import {
  createPolicyCopies,
  defaultVersion,
  type LeaveRules,
  type LeaveType,
  type PolicyCopiesOptions,
  type PolicyCopy,
  policyCopyId,
  policyCopySchema,
  type PolicyVersion,
} from '../../../runtime';
import type { LeaveConfig } from './settings';

/** One version of one leave type's policy. */
export type LeavePolicy = PolicyVersion<'LEAVE'>;

/** Leave's copy of compliance's LEAVE policies (every version), fed by its events. */
export const LeavePolicyCopySchema = policyCopySchema('LeavePolicyCopy', 'leave_policy_copies');

/** Every version leave holds, read at once: what many balances are computed from. */
export interface PolicyBook {
  /** The version of `type` in force at `at`, as `inForce` would find it. */
  at(type: LeaveType, at: Date): LeavePolicy;
}

/** The LEAVE policies leave decides with: the copies' consumer and the ways to read them. */
export interface LeavePolicies {
  handler: CataloguedHandler;
  /** The version in force at `at`; a request is judged by the one in force when it is made. */
  inForce(em: EntityManager, type: LeaveType, at: Date): Promise<LeavePolicy>;
  /** The version a request stored; later steps of the request judge by it, never a newer one. */
  version(em: EntityManager, type: LeaveType, version: number): Promise<LeavePolicy>;
  /** A book of the given copies (from `readCopies` or the request's loader). */
  book(copies: readonly PolicyCopy[]): PolicyBook;
}

export function readCopies(em: EntityManager): Promise<PolicyCopy[]> {
  return em.find(LeavePolicyCopySchema, { kind: 'LEAVE' });
}

const asVersion = (copy: PolicyCopy): LeavePolicy => ({
  kind: 'LEAVE',
  key: copy.key,
  version: copy.version,
  effectiveFrom: copy.effectiveFrom,
  rules: copy.rules as LeaveRules,
});

/** Version 1 of each type is the configured defaults (`createLeave(options)` in tests). */
export function createLeavePolicies(config: LeaveConfig): LeavePolicies {
  const defaults = ((_kind: string, key: string) =>
    config.policies[key as LeaveType]) as PolicyCopiesOptions['defaults'];
  const copies = createPolicyCopies({ schema: LeavePolicyCopySchema, kinds: ['LEAVE'], defaults });
  const first = (type: LeaveType) => defaultVersion('LEAVE', type, config.policies[type]);

  return {
    handler: copies.handler,
    inForce: (em, type, at) => copies.inForce(em, 'LEAVE', type, at),
    async version(em, type, version) {
      if (version === 1) return first(type);
      const copy = await em.findOne(LeavePolicyCopySchema, {
        id: policyCopyId('LEAVE', type, version),
      });
      // The request stored a version it had read from this very table: it is there.
      if (!copy) throw new Error(`Leave policy ${type} v${version} is missing from the copy.`);
      return asVersion(copy);
    },
    book(rows) {
      // Newest effectiveFrom first, then the higher version: the order `inForce` reads in.
      const sorted = [...rows].sort(
        (a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime() || b.version - a.version,
      );
      return {
        at(type, at) {
          const copy = sorted.find((c) => c.key === type && c.effectiveFrom <= at);
          return copy ? asVersion(copy) : first(type);
        },
      };
    },
  };
}
