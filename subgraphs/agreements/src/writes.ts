import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { insertRows, type CataloguedDraft } from '../../../messaging';
import {
  AgreementSchema,
  AgreementVersionSchema,
  type Agreement,
  type AgreementTerms,
  type AgreementVersion,
} from './entities';
import { agreementAmended, agreementCreated, agreementEnded } from './events';
import { pickTerms } from './terms';

/** Records an event in `tx`'s transaction (the outbox). */
export type Emit = (tx: EntityManager, draft: CataloguedDraft) => void;

/** Where new rows go. */
export interface NewRows {
  agreement(tx: EntityManager, row: Agreement): Agreement;
  version(tx: EntityManager, row: AgreementVersion): void;
}

/** New rows go into the unit of work, flushed with the change. */
export const unitOfWork: NewRows = {
  agreement(tx, row) {
    const agreement = tx.create(AgreementSchema, row);
    tx.persist(agreement);
    return agreement;
  },
  version: (tx, row) => void tx.persist(tx.create(AgreementVersionSchema, row)),
};

/**
 * New rows held in memory until `insert`, which writes them in multi-row INSERTs: an
 * import's batch of hundreds costs a few statements, not an entity each in the unit of
 * work. An agreement held here may still be amended; it goes in as it then stands.
 */
export function heldRows(): NewRows & { insert(tx: EntityManager): Promise<void> } {
  const agreements: Agreement[] = [];
  const versions: AgreementVersion[] = [];
  return {
    agreement: (_tx, row) => (agreements.push(row), row),
    version: (_tx, row) => void versions.push(row),
    async insert(tx) {
      await insertRows(tx, AgreementSchema, agreements);
      await insertRows(tx, AgreementVersionSchema, versions);
    },
  };
}

export interface WriteContext {
  emit: Emit;
  correlationId: string;
  /** Where new rows go: the unit of work unless said otherwise. */
  rows?: NewRows;
}

export const overlaps = (a: { startDate: string; endDate: string }, b: AgreementTerms) =>
  a.startDate <= b.endDate && b.startDate <= a.endDate;

/** The first agreement in `list` (other than `except`) that overlaps `terms`. */
export const findOverlap = (list: Agreement[], terms: AgreementTerms, except?: string) =>
  list.find((other) => other.id !== except && overlaps(other, terms));

function recordVersion(tx: EntityManager, ctx: WriteContext, agreement: Agreement, now: Date) {
  (ctx.rows ?? unitOfWork).version(tx, {
    ...pickTerms(agreement),
    id: `${agreement.id}:${agreement.version}`,
    agreementId: agreement.id,
    employeeId: agreement.employeeId,
    version: agreement.version,
    effectiveFrom: agreement.effectiveFrom,
    createdAt: now,
  });
}

export function insertAgreement(
  tx: EntityManager,
  ctx: WriteContext,
  employeeId: string,
  terms: AgreementTerms,
): Agreement {
  const now = new Date();
  const agreement = (ctx.rows ?? unitOfWork).agreement(tx, {
    ...pickTerms(terms),
    id: uuidv7(),
    employeeId,
    version: 1,
    effectiveFrom: terms.startDate,
    createdAt: now,
    updatedAt: now,
  });
  recordVersion(tx, ctx, agreement, now);
  ctx.emit(tx, agreementCreated(agreement, ctx.correlationId));
  return agreement;
}

/** A new version from `effectiveFrom`; an earlier end date also records `ended`. */
export function amendAgreement(
  tx: EntityManager,
  ctx: WriteContext,
  agreement: Agreement,
  terms: AgreementTerms,
  effectiveFrom: string,
): Agreement {
  const now = new Date();
  const previousEndDate = agreement.endDate;
  Object.assign(agreement, pickTerms(terms), {
    version: agreement.version + 1,
    effectiveFrom,
    updatedAt: now,
  });
  recordVersion(tx, ctx, agreement, now);
  ctx.emit(tx, agreementAmended(agreement, ctx.correlationId));
  if (agreement.endDate < previousEndDate)
    ctx.emit(tx, agreementEnded(agreement, ctx.correlationId, previousEndDate));
  return agreement;
}

/** Terms back in the shape a client gives them, to merge an amendment's changed fields. */
export const rawOf = (terms: AgreementTerms) => ({
  agreementType: terms.agreementType,
  startDate: terms.startDate,
  endDate: terms.endDate,
  fte: terms.fteUnits / 10_000,
  termsAndConditions: terms.termsAndConditions,
  salaryBasis: terms.salaryBasis,
  weeklyHours: terms.weeklyHundredths / 100,
  workingDays: terms.workingDays,
  annualLeaveDays: terms.leaveHundredths / 100,
  targets: { ...terms.targets } as Record<string, unknown>,
  openings: { ...terms.openings } as Record<string, unknown>,
});
