import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  type StoredMsg,
} from '@nats-io/jetstream';
import { deadLetterStream } from '../envelope';
import type { Namespace } from '../types';
import { parseDeadLetterId, toDeadLetter, type DeadLetter } from './DeadLetter';
import { DeadLetterError } from './DeadLetterError';

/** Where the dead-letter operations reach NATS. */
export interface DeadLetterClients {
  jsm: JetStreamManager;
  namespace: Namespace;
}

/** Runs `work` on HR_DLQ; a stream that does not exist (wrong namespace?) is UNAVAILABLE. */
export async function onDeadLetterStream<T>(ns: Namespace, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (cause instanceof JetStreamApiError && cause.code === JetStreamApiCodes.StreamNotFound) {
      const message = `There is no stream ${deadLetterStream(ns)}: check the namespace, or start the platform once.`;
      throw new DeadLetterError('UNAVAILABLE', message, undefined, { cause });
    }
    throw cause;
  }
}

export const fromStored = (stored: StoredMsg, ns: Namespace): DeadLetter =>
  toDeadLetter(
    {
      seq: stored.seq,
      subject: stored.subject,
      headers: stored.header,
      data: stored.data,
      time: stored.time,
    },
    ns,
  );

/** The stored message of a dead letter; NOT_FOUND when there is none. */
export async function getStoredLetter(
  { jsm, namespace }: DeadLetterClients,
  id: string,
): Promise<StoredMsg> {
  const seq = parseDeadLetterId(id);
  const stored = await onDeadLetterStream(namespace, () =>
    jsm.streams.getMessage(deadLetterStream(namespace), { seq }),
  );
  if (!stored) throw new DeadLetterError('NOT_FOUND', `No dead letter ${id}.`, 'id');
  return stored;
}

/** One dead letter by id; null when there is none (replayed, discarded, or never). */
export async function getDeadLetter(
  clients: DeadLetterClients,
  id: string,
): Promise<DeadLetter | null> {
  try {
    return fromStored(await getStoredLetter(clients, id), clients.namespace);
  } catch (error) {
    if (error instanceof DeadLetterError && error.problem === 'NOT_FOUND') return null;
    throw error;
  }
}
