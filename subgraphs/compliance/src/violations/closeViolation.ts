import type { EntityManager } from '@mikro-orm/knex';
import type { EventDraft } from '../../../../messaging/src/types';
import type { Identity } from '../../../../runtime/src/identity';
import { conflict, invalid, notFoundIn } from '../errors';
import { assertHr } from '../permissions';
import { ViolationSchema, type Violation } from './entities';

export const VIOLATION_CLOSED = 'compliance.violation.closed';
const NOTE_MAX = 2000;

function checkedNote(note: unknown): string {
  const text = typeof note === 'string' ? note.trim() : '';
  if (!text) throw invalid('note', 'A note saying what was done is required.');
  if ([...text].length > NOTE_MAX)
    throw invalid('note', `The note must be at most ${NOTE_MAX} characters.`);
  return text;
}

const closed = (v: Violation): EventDraft => ({
  type: VIOLATION_CLOSED,
  subject: v.id,
  data: {
    violationId: v.id,
    employeeId: v.employeeId,
    rule: v.rule,
    version: v.version,
    closedAt: v.closedAt!.toISOString(),
    closedBy: v.closedBy!,
    note: v.closingNote!,
  },
});

export interface Closing {
  em: EntityManager;
  identity: Identity;
  emit: (tx: EntityManager, draft: EventDraft) => void;
  now: Date;
}

/**
 * Closes an open violation with HR's note; closing a closed one is a CONFLICT. The update
 * only takes an OPEN row, so two closes at once cannot both succeed.
 */
export async function closeViolation(c: Closing, id: string, note: unknown): Promise<Violation> {
  assertHr(c.identity, 'close a violation');
  const text = checkedNote(note);
  return c.em.transactional(async (tx) => {
    const current = await tx.findOne(ViolationSchema, { id });
    if (!current) throw notFoundIn('Violation', id);
    const changes = {
      status: 'CLOSED' as const,
      closedAt: c.now,
      closedBy: c.identity.subject,
      closingNote: text,
      version: current.version + 1,
    };
    const taken = await tx.nativeUpdate(ViolationSchema, { id, status: 'OPEN' }, changes);
    if (!taken) throw conflict('This violation is already closed.');
    const violation: Violation = { ...current, ...changes };
    c.emit(tx, closed(violation));
    return violation;
  });
}
