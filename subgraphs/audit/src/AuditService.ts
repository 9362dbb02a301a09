import { type CataloguedDraft, discardDeadLetter, replayDeadLetter } from '../../../messaging';
import type { SubgraphContext } from '../../../runtime';
import { deadLetterCall } from './deadLetterCall';
import { deadLetterDiscarded, deadLetterReplayed } from './events';
import { checkDiscardReason, parseDateTime } from './inputs';
import type { Retention } from './retention';

/** The writes of the audit subgraph: purging the log, and replaying or discarding dead letters. */
export class AuditService {
  constructor(
    private readonly ctx: SubgraphContext,
    private readonly retention: Retention,
  ) {}

  /** Deletes the entries older than `before`, which must lie beyond the retention period. */
  purgeLog(input: { before: unknown }) {
    const before = parseDateTime(input.before, 'input.before');
    return this.retention.purge(this.ctx.em, {
      before,
      field: 'input.before',
      emit: this.ctx.emit,
    });
  }

  /** Hands a dead letter back to its consumer, and audits the replay. */
  async replayDeadLetter(input: { id: string }) {
    const result = await deadLetterCall(this.ctx, 'input.', (clients) =>
      replayDeadLetter(clients, input.id),
    );
    await this.record(deadLetterReplayed(result.letter, result.alreadyApplied));
    return { deadLetter: result.letter, alreadyApplied: result.alreadyApplied };
  }

  /** Removes a dead letter unapplied, and audits it with the reason given. */
  async discardDeadLetter(input: { id: string; reason: string }) {
    const reason = checkDiscardReason(input.reason);
    const letter = await deadLetterCall(this.ctx, 'input.', (clients) =>
      discardDeadLetter(clients, input.id),
    );
    await this.record(deadLetterDiscarded(letter, reason));
    return { deadLetter: letter };
  }

  /** Records an audit event about a dead letter in its own transaction. */
  private async record(draft: CataloguedDraft): Promise<void> {
    await this.ctx.em.transactional((tx) => this.ctx.emit(tx, draft));
  }
}
