import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedDraft } from '../../../messaging';

/** The events compliance emits (each feature's `events.ts` builds its own). */
export type ComplianceEventType =
  | 'compliance.course.created'
  | 'compliance.course.updated'
  | 'compliance.policy.updated'
  | 'compliance.training.assigned'
  | 'compliance.training.completed'
  | 'compliance.training.due_reached'
  | 'compliance.violation.closed'
  | 'compliance.violation.detected';

export type ComplianceDraft = CataloguedDraft<ComplianceEventType>;

/** Records an event in the caller's transaction. */
export type Emit = (draft: ComplianceDraft) => void;

/** The emit of a consumer or a job, for typed drafts. */
export const emitting =
  (emit: (draft: CataloguedDraft) => void): Emit =>
  (draft) =>
    emit(draft);

/** A request's emit into its transaction `tx`, for typed drafts. */
export const emittingIn =
  (ctx: { emit(tx: EntityManager, draft: CataloguedDraft): void }, tx: EntityManager): Emit =>
  (draft) =>
    ctx.emit(tx, draft);
