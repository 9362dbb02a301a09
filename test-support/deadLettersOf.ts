import { DeadLetterHeader, deadLetterStream, type Namespace, type NatsClients } from '../messaging';

/** One dead letter as a test reads it: the event's type and id, and why it was given up. */
export interface DeadLetterSeen {
  consumer: string | undefined;
  type: string;
  eventId: string;
  reason: string | undefined;
  error: string | undefined;
}

/** Every dead letter of the namespace, oldest first, read straight from its stream. */
export async function deadLettersOf(nats: NatsClients, ns: Namespace): Promise<DeadLetterSeen[]> {
  const stream = deadLetterStream(ns);
  const { state } = await nats.jsm.streams.info(stream);
  const seen: DeadLetterSeen[] = [];
  for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
    const msg = await nats.jsm.streams.getMessage(stream, { seq });
    if (!msg) continue;
    const event = msg.json<{ id: string; type: string }>();
    seen.push({
      consumer: msg.header.get(DeadLetterHeader.consumer) || undefined,
      type: event.type,
      eventId: event.id,
      reason: msg.header.get(DeadLetterHeader.reason) || undefined,
      error: msg.header.get(DeadLetterHeader.error) || undefined,
    });
  }
  return seen;
}
