import { headers as createHeaders, type NatsConnection } from '@nats-io/nats-core';
import { DeadLetterHeader } from '../deadLetter';
import { replaySubject } from '../envelope';
import { errorMessage } from '../errors';
import type { DeadLetter } from './DeadLetter';
import { DeadLetterError } from './DeadLetterError';
import { removeLetter } from './discardDeadLetter';
import { fromStored, getStoredLetter, type DeadLetterClients } from './getDeadLetter';
import { REPLAY_SUBJECT_HEADER, type ReplayReply } from './replayProtocol';

/** What a replay came to. */
export interface ReplayResult {
  /** The dead letter, now removed. */
  letter: DeadLetter;
  /** The consumer had already applied the event: the replay changed nothing. */
  alreadyApplied: boolean;
}

/** Options of {@link replayDeadLetter}. */
export interface ReplayOptions {
  /** How long to wait for the consumer's answer (default 15 s). */
  timeoutMs?: number;
}

async function ask(
  nc: NatsConnection,
  clients: DeadLetterClients,
  letter: DeadLetter,
  data: Uint8Array,
  timeoutMs: number,
): Promise<ReplayReply> {
  const headers = createHeaders();
  headers.set(REPLAY_SUBJECT_HEADER, letter.subject);
  try {
    const reply = await nc.request(replaySubject(clients.namespace, letter.consumer), data, {
      headers,
      timeout: timeoutMs,
    });
    return reply.json<ReplayReply>();
  } catch (cause) {
    throw new DeadLetterError(
      'UNAVAILABLE',
      `Consumer ${letter.consumer} did not answer (${errorMessage(cause)}); try again once it runs.`,
      undefined,
      { cause },
    );
  }
}

/**
 * Hands a dead letter's event back to the consumer that failed on it; one of its replicas
 * applies it in one transaction behind its inbox, so an event already applied has no second
 * effect. The dead letter is removed only when the consumer says it succeeded.
 * UNAVAILABLE when no replica answers; REPLAY_FAILED (the letter stays) when it fails again.
 */
export async function replayDeadLetter(
  clients: DeadLetterClients & { nc: NatsConnection },
  id: string,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const stored = await getStoredLetter(clients, id);
  const letter = fromStored(stored, clients.namespace);
  if (!letter.consumer) {
    throw new DeadLetterError('REPLAY_FAILED', `Dead letter ${id} names no consumer.`, 'id');
  }
  if (stored.header?.has(DeadLetterHeader.payloadOmitted)) {
    // The consumer would only find an empty payload, and a copy would not fit a request.
    const message = `Dead letter ${id} holds no copy of its event (it was too large) to replay.`;
    throw new DeadLetterError('REPLAY_FAILED', message, 'id');
  }
  const reply = await ask(clients.nc, clients, letter, stored.data, options.timeoutMs ?? 15_000);
  if (!reply.ok) {
    throw new DeadLetterError(
      'REPLAY_FAILED',
      `Consumer ${letter.consumer} failed: ${reply.error}`,
    );
  }
  await removeLetter(clients, stored.seq);
  return { letter, alreadyApplied: reply.duplicate };
}
