import { DeliverPolicy, type Consumer } from '@nats-io/jetstream';
import type { EventFeedOptions } from './EventFeed';

/** An ordered consumer of `subject`'s events from stream sequence `start` on. */
export const consumeFrom = (
  { js, stream }: Pick<EventFeedOptions, 'js' | 'stream'>,
  subject: string,
  start: number,
): Promise<Consumer> =>
  js.consumers.get(stream, {
    filter_subjects: subject,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: start,
  });
