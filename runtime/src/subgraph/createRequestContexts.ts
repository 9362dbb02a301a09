import { v7 as uuidv7 } from 'uuid';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  createEvent,
  type EventMeta,
  recordEvent,
  sourceFor,
  untypedDraft,
} from '../../../messaging';
import { createOwnerAsker, type AskOwner } from '../ownerRequests';
import { requestIds, type RequestHeaders } from './requestHeaders';
import type { SubgraphSetup } from './SubgraphSetup';
import type { PublicRouteContext, StartContext, SubgraphContext } from './SubgraphModule';

/** Options of {@link createRequestContexts}: the runtime's setup and its database. */
export interface RequestContextsOptions<L> extends Pick<
  SubgraphSetup<L>,
  'module' | 'options' | 'logger' | 'namespace'
> {
  /** The open database; throws while the runtime is not started. */
  orm(): MikroORM;
}

/** Makes what the module's resolvers, routes and `onStart` receive. */
export interface RequestContexts<L> {
  /** A GraphQL request's or an authenticated route's; rejects when the token is not valid. */
  request(headers: RequestHeaders): Promise<SubgraphContext<L>>;
  /** A public route's: nobody is signed in. */
  publicRoute(headers: RequestHeaders): PublicRouteContext;
  /** The module's `onStart`'s, on the database just opened. */
  start(orm: MikroORM): StartContext;
}

export function createRequestContexts<L>(options: RequestContextsOptions<L>): RequestContexts<L> {
  const { messaging, ownerAsk } = options.options;
  // One per runtime, so its breaker and in-flight questions outlive a request.
  const askOwner = createOwnerAsker(messaging?.nc, options.namespace, ownerAsk);
  return {
    request: (headers) => requestContext(options, askOwner, headers),
    publicRoute: (headers) => publicRouteContext(options, headers),
    start: (orm) => startContext(options, orm),
  };
}

/** Where an event the module records comes from, and the chain it belongs to. */
const eventMeta = (
  subgraph: string,
  ids: Pick<EventMeta, 'requestId' | 'correlationId' | 'traceparent'>,
): EventMeta => ({
  source: sourceFor(subgraph),
  ...ids,
});

async function requestContext<L>(
  options: RequestContextsOptions<L>,
  askOwner: AskOwner,
  headers: RequestHeaders,
): Promise<SubgraphContext<L>> {
  const { module, logger, namespace } = options;
  const { verifier, cipher, messaging } = options.options;
  const identity = await verifier.verify(headers.authorization);
  // Made inside the request's span: what the request records continues its trace.
  const ids = requestIds(headers);
  const { requestId, correlationId, traceparent } = ids;
  const base: Omit<SubgraphContext<L>, 'loaders'> = {
    identity,
    em: options.orm().em.fork() as EntityManager,
    requestId,
    correlationId,
    traceparent,
    cipher,
    messaging,
    logger: logger.child({ requestId, correlationId }),
    emit: (tx, draft) => {
      const meta = { ...eventMeta(module.name, ids), actor: identity.subject };
      recordEvent(tx, createEvent(untypedDraft(draft), meta), namespace);
    },
    askOwner,
  };
  return { ...base, loaders: (module.loaders?.(base) ?? {}) as L };
}

function publicRouteContext<L>(
  options: RequestContextsOptions<L>,
  headers: RequestHeaders,
): PublicRouteContext {
  const { module, logger, namespace } = options;
  const { cipher, issuer } = options.options;
  const ids = requestIds(headers);
  const { requestId, correlationId, traceparent } = ids;
  return {
    em: options.orm().em.fork() as EntityManager,
    requestId,
    correlationId,
    traceparent,
    cipher,
    logger: logger.child({ requestId, correlationId }),
    emit: (tx, draft, actor) =>
      recordEvent(
        tx,
        createEvent(untypedDraft(draft), { ...eventMeta(module.name, ids), actor }),
        namespace,
      ),
    issueToken: (claims) => {
      if (!module.issuesTokens || !issuer)
        throw new Error(`Subgraph ${module.name} has no token issuer.`);
      return issuer.issue(claims);
    },
  };
}

function startContext<L>(options: RequestContextsOptions<L>, orm: MikroORM): StartContext {
  const { module, logger, namespace } = options;
  return {
    em: orm.em.fork() as EntityManager,
    cipher: options.options.cipher,
    logger,
    emit: (tx, draft) =>
      recordEvent(
        tx,
        createEvent(untypedDraft(draft), eventMeta(module.name, { correlationId: uuidv7() })),
        namespace,
      ),
  };
}
