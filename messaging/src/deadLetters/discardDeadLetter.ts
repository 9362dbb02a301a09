import { JetStreamApiError } from '@nats-io/jetstream';
import { deadLetterStream } from '../envelope';
import type { DeadLetter } from './DeadLetter';
import { DeadLetterError } from './DeadLetterError';
import { fromStored, getStoredLetter, type DeadLetterClients } from './getDeadLetter';

/** Removes a dead letter from HR_DLQ; a replica that removed it first wins (NOT_FOUND). */
export async function removeLetter(clients: DeadLetterClients, seq: number): Promise<boolean> {
  try {
    return await clients.jsm.streams.deleteMessage(deadLetterStream(clients.namespace), seq);
  } catch (error) {
    if (error instanceof JetStreamApiError) return false;
    throw error;
  }
}

/**
 * Removes a dead letter without applying it, and returns what it was (for the audit log).
 * NOT_FOUND when it is already gone.
 */
export async function discardDeadLetter(
  clients: DeadLetterClients,
  id: string,
): Promise<DeadLetter> {
  const stored = await getStoredLetter(clients, id);
  if (!(await removeLetter(clients, stored.seq))) {
    throw new DeadLetterError('NOT_FOUND', `No dead letter ${id}.`, 'id');
  }
  return fromStored(stored, clients.namespace);
}
