import { DEFAULT_NAMESPACE, type Namespace } from '../../../messaging';
import { createLogger, type Logger } from '../logger';
import type { AccessLogOptions } from '../logging/writeAccessLine';
import type { SubgraphRuntimeOptions } from './createSubgraphRuntime';
import type { SubgraphModule } from './SubgraphModule';

/** What every part of one subgraph's runtime works from, made once with the runtime. */
export interface SubgraphSetup<L> {
  module: SubgraphModule<L>;
  options: SubgraphRuntimeOptions;
  /** The options' logger, or one named after the module. */
  logger: Logger;
  /** The NATS namespace, or the default one without NATS (events wait in the outbox). */
  namespace: Namespace;
  /** Where its access lines go: its logger, under the module's name. */
  accessLog: AccessLogOptions;
  /** Set on the span of each GraphQL request it serves. */
  spanAttributes: Record<string, string>;
}

export function createSubgraphSetup<L>(
  module: SubgraphModule<L>,
  options: SubgraphRuntimeOptions,
): SubgraphSetup<L> {
  const logger = options.logger ?? createLogger({ name: module.name });
  return {
    module,
    options,
    logger,
    namespace: options.messaging?.namespace ?? DEFAULT_NAMESPACE,
    accessLog: { logger, service: module.name },
    spanAttributes: { 'hr.subgraph': module.name },
  };
}
