import type * as JetStream from '@nats-io/jetstream';
import type { EventFeedOptions } from './EventFeed';

/** The JetStream library, loaded with the first subscription: a gateway with none never needs it. */
const loadJetStream = (): typeof JetStream =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@nats-io/jetstream') as typeof JetStream;

/** An ordered consumer of `subject`'s events from stream sequence `start` on. */
export const consumeFrom = (
  { js, stream }: Pick<EventFeedOptions, 'js' | 'stream'>,
  subject: string,
  start: number,
): Promise<JetStream.Consumer> =>
  js.consumers.get(stream, {
    filter_subjects: subject,
    deliver_policy: loadJetStream().DeliverPolicy.StartSequence,
    opt_start_seq: start,
  });
