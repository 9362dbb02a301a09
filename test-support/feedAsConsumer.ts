import { type EventEnvelope, loadCatalogue } from '../messaging';
import type { SubgraphModule } from '../runtime';
import { asHandled, consumes, followUpEmit, type SubgraphHarness } from './startSubgraph';

/**
 * What `module`'s consumer does with an event, in `h`'s database: checks it against the
 * catalogue (unless told not to: a redelivery was checked already), hands it to the
 * handler of its type in one transaction, and records the follow-up events in the outbox.
 */
export function feedAsConsumer(
  h: SubgraphHarness,
  module: Pick<SubgraphModule, 'name' | 'eventHandlers'>,
): (event: EventEnvelope, opts?: { validate?: boolean }) => Promise<void> {
  const catalogue = loadCatalogue();
  return async (event, { validate = true } = {}) => {
    if (validate) catalogue.validate(event);
    const handler = module.eventHandlers?.find((d) => consumes(d, event.type));
    if (!handler) throw new Error(`${module.name} does not consume ${event.type}`);
    await h.transaction((em) =>
      handler.handle(asHandled(event), { em, emit: followUpEmit(em, module.name, event) }),
    );
  };
}
