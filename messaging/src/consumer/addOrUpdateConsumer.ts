import { JetStreamApiError, type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';

/** Creates a durable consumer, or brings an existing one to `config`. */
export async function addOrUpdateConsumer(
  jsm: JetStreamManager,
  stream: string,
  config: Partial<ConsumerConfig> & { durable_name: string },
): Promise<void> {
  try {
    await jsm.consumers.add(stream, config);
  } catch (error) {
    // Newer servers refuse to "create" an existing consumer with another configuration.
    if (!(error instanceof JetStreamApiError)) throw error;
    await jsm.consumers.update(stream, config.durable_name, config);
  }
}
