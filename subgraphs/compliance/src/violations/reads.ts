import type { EntityManager } from '@mikro-orm/core';
import {
  chunks,
  DEFAULT_TIME_ZONE,
  type PolicyKind,
  type PolicyVersion,
} from '../../../../runtime';
import { EmployeeCopySchema } from '../entities';
import { readHistory, versionInForceAt, type PolicyRecord } from '../policies';
import { zoneOf } from './employeeDays';
import { policyAt } from './policyAt';

/** What a detector reads besides violations: the person's zone and a policy in force. */
export interface Reads {
  /** The employee's zone in compliance's copy; the default zone for someone not known yet. */
  zoneOf(employeeId: string): Promise<string>;
  policyAt<K extends PolicyKind>(kind: K, key: string, at: Date): Promise<PolicyVersion<K>>;
}

/** One event's reads, each a query. */
export const readsOf = (em: EntityManager): Reads => ({
  zoneOf: (employeeId) => zoneOf(em, employeeId),
  policyAt: (kind, key, at) => policyAt(em, kind, key, at),
});

/**
 * A batch's reads: the zones of all `employeeIds` and each policy's history, each read once,
 * when first needed. The batch changes neither: the copy has a consumer of its own, and
 * policies change through HR's mutations.
 */
export function readsOnce(em: EntityManager, employeeIds: readonly string[]): Reads {
  let zones: Promise<Map<string, string>> | undefined;
  const histories = new Map<string, Promise<PolicyRecord[]>>();
  return {
    async zoneOf(employeeId) {
      zones ??= zonesOf(em, [...new Set(employeeIds)]);
      return (await zones).get(employeeId) ?? DEFAULT_TIME_ZONE;
    },
    async policyAt(kind, key, at) {
      const name = `${kind}|${key}`;
      if (!histories.has(name)) histories.set(name, readHistory(em, kind, key));
      return versionInForceAt(await histories.get(name)!, at);
    },
  };
}

async function zonesOf(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  for (const part of chunks(ids)) {
    const copies = await em.find(
      EmployeeCopySchema,
      { id: { $in: part } },
      // Read apart from the unit of work: part-loaded copies are not entities to keep.
      { fields: ['id', 'timeZone'], disableIdentityMap: true },
    );
    for (const copy of copies) zones.set(copy.id, copy.timeZone);
  }
  return zones;
}
