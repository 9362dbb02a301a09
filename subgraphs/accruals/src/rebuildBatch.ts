import type { EntityManager } from '@mikro-orm/core';
import { insertRows } from '../../../messaging';
import {
  AccrualDaySchema,
  AgreementCopySchema,
  ContributionSchema,
  EmployeeCopySchema,
  EntryCopySchema,
  type AccrualDayRow,
  type AgreementCopy,
  type Contribution,
  type EmployeeCopy,
} from './entities';
import type { Emit } from './events';
import { balanceMoves, contributionRows, daysOf, type BalanceMove } from './ledger';
import { announce, groupBy, placeOf } from './ledgerBatch';

/** One employee to recompute in a batch, and where its events go. */
export interface Rebuilt {
  employeeId: string;
  emit: Emit;
}

/**
 * `rebuildEmployee` and `checkEmployeeStatus` for many employees at once, with the same end
 * state and events: every read is one statement for all of them, and contributions and days
 * go in as plain rows, so the cost of a batch (a TAMS import's agreements) grows with its
 * rows, not with what the unit of work holds. The caller holds the employees' locks and has
 * stored the copies; `newAgreements` are those that had no copy before, so no day rows.
 */
export async function rebuildEmployees(
  em: EntityManager,
  rebuilt: Rebuilt[],
  now: Date,
  newAgreements: ReadonlySet<string>,
): Promise<void> {
  if (rebuilt.length === 0) return;
  const employeeId = { $in: rebuilt.map((r) => r.employeeId) };
  await em.nativeDelete(ContributionSchema, { employeeId });
  const agreements = groupBy(
    await em.find(AgreementCopySchema, { employeeId }, { disableIdentityMap: true }),
    (a) => a.employeeId,
  );
  const places = new Map(
    (await em.find(EmployeeCopySchema, { id: employeeId }, { disableIdentityMap: true })).map(
      (e) => [e.id, e],
    ),
  );
  const contributions = await placeEntries(em, rebuilt, agreements, places);
  const all = [...agreements.values()].flat();
  const moves = await rebuildAgreements(em, all, contributions, newAgreements);
  const changes = moves.map(({ agreement, move }) => ({
    employeeId: agreement.employeeId,
    ...move,
  }));
  await announce(em, rebuilt, changes, { agreements, places, now });
}

/** Every entry's contributions against the agreements as they are now, stored. */
async function placeEntries(
  em: EntityManager,
  rebuilt: Rebuilt[],
  agreements: Map<string, AgreementCopy[]>,
  places: Map<string, EmployeeCopy>,
): Promise<Contribution[]> {
  const entries = groupBy(
    await em.find(
      EntryCopySchema,
      { employeeId: { $in: rebuilt.map((r) => r.employeeId) }, deleted: false },
      { disableIdentityMap: true },
    ),
    (entry) => entry.employeeId,
  );
  const rows = rebuilt.flatMap(({ employeeId }) => {
    const theirs = agreements.get(employeeId) ?? [];
    const place = placeOf(places.get(employeeId));
    return (entries.get(employeeId) ?? []).flatMap((e) => contributionRows(e, theirs, place));
  });
  await insertRows(em, ContributionSchema, rows);
  return rows;
}

/**
 * Replaces the agreements' day rows; the balances that moved, in the agreements' order. An
 * agreement new in this batch has no rows yet: only the others' are read and deleted.
 */
async function rebuildAgreements(
  em: EntityManager,
  agreements: AgreementCopy[],
  contributions: Contribution[],
  newAgreements: ReadonlySet<string>,
): Promise<{ agreement: AgreementCopy; move: BalanceMove }[]> {
  if (agreements.length === 0) return [];
  const stored = agreements.filter((a) => !newAgreements.has(a.id)).map((a) => a.id);
  const old = stored.length > 0 ? await oldDays(em, stored) : new Map<string, AccrualDayRow[]>();
  const byAgreement = groupBy(
    contributions.filter((c) => c.agreementId !== null),
    (c) => c.agreementId!,
  );
  const fresh = agreements.map((a) => daysOf(a, byAgreement.get(a.id) ?? []));
  await insertRows(em, AccrualDaySchema, fresh.flat());
  return agreements.flatMap((agreement, at) =>
    balanceMoves(old.get(agreement.id) ?? [], fresh[at]!).map((move) => ({ agreement, move })),
  );
}

/** The stored day rows of `agreementIds`, by agreement in date order; they are deleted. */
async function oldDays(em: EntityManager, agreementIds: string[]) {
  const agreementId = { $in: agreementIds };
  const old = groupBy(
    await em.find(
      AccrualDaySchema,
      { agreementId },
      { orderBy: { date: 'asc' }, disableIdentityMap: true },
    ),
    (row) => row.agreementId,
  );
  await em.nativeDelete(AccrualDaySchema, { agreementId });
  return old;
}
