import { JetStreamApiError, type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';
import { isClusterForming, whileClusterForms } from '../whileClusterForms';

/**
 * Creates a durable consumer, or brings an existing one to `config`; waits for a cluster that
 * is still forming.
 */
export function addOrUpdateConsumer(
  jsm: JetStreamManager,
  stream: string,
  config: Partial<ConsumerConfig> & { durable_name: string },
): Promise<void> {
  return whileClusterForms(async () => {
    try {
      await jsm.consumers.add(stream, config);
    } catch (error) {
      // Newer servers refuse to "create" an existing consumer with another configuration.
      if (!(error instanceof JetStreamApiError) || isClusterForming(error)) throw error;
      await jsm.consumers.update(stream, config.durable_name, config);
    }
  });
}
