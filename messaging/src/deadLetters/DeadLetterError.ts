import { MessagingError } from '../errors';

/** Why a dead-letter operation was refused. */
export type DeadLetterProblem =
  /** No dead letter has that id (never did, or it was replayed or discarded). */
  | 'NOT_FOUND'
  /** An argument is malformed; `field` names it. */
  | 'INPUT_INVALID'
  /** No replica of the consumer answered: retry once it runs. */
  | 'UNAVAILABLE'
  /** The consumer tried the event again and failed; the dead letter stays. */
  | 'REPLAY_FAILED';

/** A refused dead-letter operation, with what to tell the caller. */
export class DeadLetterError extends MessagingError {
  override name = 'DeadLetterError';

  constructor(
    readonly problem: DeadLetterProblem,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super('DEAD_LETTER', message, options);
  }
}
