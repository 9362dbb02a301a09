import type { EntityManager } from '@mikro-orm/knex';
import {
  DeadLetterError,
  discardDeadLetter,
  getDeadLetter,
  listDeadLetters,
  replayDeadLetter,
  type DeadLetter,
  type DeadLetterHandlerDefinition,
  type DeadLetterQuery,
} from '../../../messaging/src';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import { AuditError, AuditReason } from './errors';

type Context = SubgraphContext;

const REASON_OF = {
  NOT_FOUND: AuditReason.DEAD_LETTER_NOT_FOUND,
  INPUT_INVALID: AuditReason.INVALID_PARAMETER,
  UNAVAILABLE: AuditReason.CONSUMER_UNAVAILABLE,
  REPLAY_FAILED: AuditReason.REPLAY_FAILED,
} as const;

/** Runs a dead-letter operation, turning its refusals into the audit subgraph's errors. */
async function refusing<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DeadLetterError)) throw error;
    const named = error.field === undefined ? undefined : `${field}${error.field}`;
    throw new AuditError(REASON_OF[error.problem], error.message, named);
  }
}

function clientsOf(ctx: Context) {
  const messaging = ctx.messaging;
  if (!messaging?.nc) {
    throw new AuditError(AuditReason.CONSUMER_UNAVAILABLE, 'NATS is not connected.');
  }
  return { ...messaging, nc: messaging.nc };
}

/** What every audit event about a dead letter says of it. */
const described = (letter: DeadLetter) => ({
  deadLetterId: letter.id,
  consumer: letter.consumer,
  eventType: letter.type,
  eventId: letter.eventId,
});

const optional = (value: string | null | undefined) => value ?? undefined;

export function deadLetters(
  args: { first?: number; after?: string | null; consumer?: string | null; type?: string | null },
  ctx: Context,
) {
  const query: DeadLetterQuery = {
    first: args.first,
    after: optional(args.after),
    consumer: optional(args.consumer),
    type: optional(args.type),
  };
  return refusing('', async () => {
    const page = await listDeadLetters(clientsOf(ctx), query);
    const { endCursor, hasNextPage } = page;
    return { nodes: page.nodes, totalCount: page.totalCount, pageInfo: { endCursor, hasNextPage } };
  });
}

export function deadLetter(args: { id: string }, ctx: Context) {
  return refusing('', () => getDeadLetter(clientsOf(ctx), args.id));
}

/** Records an audit event about a dead letter in its own transaction. */
async function record(ctx: Context, type: string, letter: DeadLetter, extra: object) {
  await ctx.em.transactional((tx) =>
    ctx.emit(tx as EntityManager, {
      type,
      subject: letter.id,
      data: { ...described(letter), ...extra },
    }),
  );
}

export async function replay(args: { input: { id: string } }, ctx: Context) {
  const result = await refusing('input.', () => replayDeadLetter(clientsOf(ctx), args.input.id));
  await record(ctx, 'audit.dead_letter.replayed', result.letter, {
    alreadyApplied: result.alreadyApplied,
  });
  return { deadLetter: result.letter, alreadyApplied: result.alreadyApplied };
}

export async function discard(args: { input: { id: string; reason: string } }, ctx: Context) {
  const reason = args.input.reason.trim();
  if (!reason) {
    throw new AuditError(AuditReason.INVALID_PARAMETER, 'Say why it is discarded.', 'input.reason');
  }
  const letter = await refusing('input.', () => discardDeadLetter(clientsOf(ctx), args.input.id));
  await record(ctx, 'audit.dead_letter.discarded', letter, { reason });
  return { deadLetter: letter };
}

/** Each new dead letter becomes an `audit.dead_letter.recorded` event (logged, and told to ADMIN). */
export const deadLetterRecorder: DeadLetterHandlerDefinition = {
  name: 'dead_letters',
  async handle(letter, { emit }) {
    emit({
      type: 'audit.dead_letter.recorded',
      subject: letter.id,
      data: {
        ...described(letter),
        eventType: letter.type || 'unknown',
        reason: letter.reason,
        error: letter.error.slice(0, 2000),
        attempts: letter.attempts,
        firstFailedAt: letter.firstFailedAt.toISOString(),
        lastFailedAt: letter.lastFailedAt.toISOString(),
      },
    });
  },
};
