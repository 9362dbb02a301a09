import { v7 as uuidv7 } from 'uuid';
import { draftOf, type DeadLetter } from '../../../messaging';

export const PURGED_EVENT = 'audit.retention.purged';
export const DEAD_LETTER_RECORDED = 'audit.dead_letter.recorded';
export const DEAD_LETTER_REPLAYED = 'audit.dead_letter.replayed';
export const DEAD_LETTER_DISCARDED = 'audit.dead_letter.discarded';

/** A purge of the log's head: the purge is itself audited. */
export const retentionPurged = (purgedCount: number, before: Date) =>
  draftOf(PURGED_EVENT, uuidv7(), { purgedCount, before: before.toISOString() });

/** What every audit event about a dead letter says of it. */
const described = (letter: DeadLetter) => ({
  deadLetterId: letter.id,
  consumer: letter.consumer,
  eventType: letter.type,
  eventId: letter.eventId,
});

/** A new dead letter (logged, and told to ADMIN). */
export const deadLetterRecorded = (letter: DeadLetter) =>
  draftOf(DEAD_LETTER_RECORDED, letter.id, {
    ...described(letter),
    eventType: letter.type || 'unknown',
    reason: letter.reason,
    error: letter.error.slice(0, 2000),
    attempts: letter.attempts,
    firstFailedAt: letter.firstFailedAt.toISOString(),
    lastFailedAt: letter.lastFailedAt.toISOString(),
  });

export const deadLetterReplayed = (letter: DeadLetter, alreadyApplied: boolean) =>
  draftOf(DEAD_LETTER_REPLAYED, letter.id, { ...described(letter), alreadyApplied });

export const deadLetterDiscarded = (letter: DeadLetter, reason: string) =>
  draftOf(DEAD_LETTER_DISCARDED, letter.id, { ...described(letter), reason });
