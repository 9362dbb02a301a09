import type { EntityManager } from '@mikro-orm/knex';
import { type Identity, longerThan } from '../../../../runtime';
import { alreadyClosed, invalid, violationNotFound } from '../errors';
import { assertHr } from '../permissions';
import type { Emit } from '../events';
import { ViolationSchema, type Violation } from './entities';
import { violationClosed } from './events';

const NOTE_MAX = 2000;

function checkedNote(note: unknown): string {
  const text = typeof note === 'string' ? note.trim() : '';
  if (!text) throw invalid('note', 'A note saying what was done is required.');
  if (longerThan(text, NOTE_MAX))
    throw invalid('note', `The note must be at most ${NOTE_MAX} characters.`);
  return text;
}

export interface Closing {
  em: EntityManager;
  identity: Identity;
  /** The emit of the close's transaction. */
  emitIn: (tx: EntityManager) => Emit;
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
    if (!current) throw violationNotFound(id);
    const changes = {
      status: 'CLOSED' as const,
      closedAt: c.now,
      closedBy: c.identity.subject,
      closingNote: text,
      version: current.version + 1,
    };
    const taken = await tx.nativeUpdate(ViolationSchema, { id, status: 'OPEN' }, changes);
    if (!taken) throw alreadyClosed();
    const violation: Violation = { ...current, ...changes };
    c.emitIn(tx)(violationClosed(violation));
    return violation;
  });
}
