import type { Namespace, NatsClients } from '../../../messaging';
import {
  type Cipher,
  createSubgraphRuntime,
  type DatabaseTarget,
  type LocalIssuer,
  type Logger,
  type SubgraphModule,
  type SubgraphRuntime,
  type TokenVerifier,
} from '../../../runtime';
import { StartupError } from './StartupError';

/** What every subgraph of the process shares. */
export interface SubgraphDeps {
  /** Where each subgraph keeps its data. */
  database(subgraph: string): DatabaseTarget;
  verifier: TokenVerifier;
  cipher: Cipher;
  nats: NatsClients;
  namespace: Namespace;
  /** Sign-in signs with the same key the verifier trusts. */
  issuer: LocalIssuer;
  logger: Logger;
  /** How long published outbox rows stay (OUTBOX_RETENTION_DAYS). */
  outboxKeepSentMs: number;
  /** How long inbox rows stay after their event was made (INBOX_RETENTION_DAYS); none: for ever. */
  inboxKeepMs?: number;
}

function subgraphFailed(name: string, error: unknown): StartupError {
  const reason = error instanceof Error ? error.message : String(error);
  return new StartupError(`The ${name} subgraph did not start: ${reason}`, { cause: error });
}

/**
 * Starts each module's runtime in turn, listing it in `runtimes` before it starts, so
 * that one failing halfway is stopped too; throws a StartupError naming that one.
 */
export async function startSubgraphs(
  modules: readonly SubgraphModule<unknown>[],
  deps: SubgraphDeps,
  runtimes: Record<string, SubgraphRuntime>,
): Promise<void> {
  const { nats, namespace } = deps;
  for (const module of modules) {
    const runtime = createSubgraphRuntime(module, {
      target: deps.database(module.name),
      verifier: deps.verifier,
      cipher: deps.cipher,
      messaging: { nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace },
      logger: deps.logger.child({ subgraph: module.name }),
      issuer: deps.issuer,
      relayKeepSentMs: deps.outboxKeepSentMs,
      inboxKeepMs: deps.inboxKeepMs,
    });
    runtimes[module.name] = runtime;
    await runtime.start().catch((error: unknown) => {
      throw subgraphFailed(module.name, error);
    });
  }
}
