import type { GraphQLSchema } from 'graphql';
import { createEventFeed } from '../feed/createEventFeed';
import { badSubscription, formatThrown, type Refusal } from '../subscriptionErrors';
import { DEFAULT_SUBSCRIPTION_LIMITS, type Probe } from '../SubscriptionField';
import { createDocumentCache } from './createDocumentCache';
import { createEventResolver, type ResultMemo } from './createEventResolver';
import { prepareSubscription, type PreparedSubscription } from './prepareSubscription';
import { runAsClient } from './runAsClient';
import { startSubscription, type StartContext } from './startSubscription';
import type {
  SubscribeOutcome,
  SubscriptionEngine,
  SubscriptionEngineOptions,
  SubscriptionRequest,
} from './SubscriptionEngine';

/** The stream sequence a client resumes after, when its cursor is one this gateway gave. */
function resumeAfter(cursor: unknown): { after?: number } | Refusal {
  if (cursor == null) return {};
  const text = typeof cursor === 'number' ? String(cursor) : cursor;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text))
    return badSubscription('The cursor is not one this gateway gave.');
  return { after: Number(text) };
}

/** Runs the field's own check, if it has one; what it throws refuses the subscription. */
async function authorize(
  prepared: PreparedSubscription,
  request: SubscriptionRequest,
  probe: Probe,
): Promise<Refusal | undefined> {
  try {
    await prepared.field.authorize?.(prepared.args, request.context.identity, probe);
    return undefined;
  } catch (error) {
    return { errors: [formatThrown(error)] };
  }
}

/**
 * Serves `Subscription` fields from the events stream: one shared consumer per subject,
 * an in-memory filter per client, and each payload resolved by running the client's
 * selection set through the gateway as that client.
 */
export function createSubscriptionEngine(options: SubscriptionEngineOptions): SubscriptionEngine {
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.limits };
  const feed = createEventFeed(options);
  const documents = createDocumentCache(options);
  const shared = { apollo: options.apollo, memo: new WeakMap() as ResultMemo };
  let schema: GraphQLSchema | undefined;
  let open = 0;
  const started: StartContext = {
    feed,
    limits,
    logger: options.logger,
    onOpen() {
      open += 1;
      options.gauge?.inc();
    },
    onEnd() {
      open -= 1;
      options.gauge?.dec();
    },
  };

  /** A refusal when more events than a replay may send lie after the cursor. */
  async function replayTooFar(subject: string, after: number): Promise<Refusal | undefined> {
    const count = await feed.countAfter(subject, after);
    if (count <= limits.maxReplayEvents) return undefined;
    return badSubscription(
      `The cursor is too far back to resume from (${count} events since, at most ${limits.maxReplayEvents}): subscribe without it and read the list again.`,
      'CURSOR_TOO_OLD',
    );
  }

  async function subscribe(request: SubscriptionRequest): Promise<SubscribeOutcome> {
    const prepared = prepareSubscription(request, { ...options, schema, documents });
    if ('errors' in prepared) return prepared;
    const resume = resumeAfter(request.cursor);
    if ('errors' in resume) return resume;
    const probe: Probe = (query, variables = {}) =>
      runAsClient(options.apollo, request.context, query, variables);
    const refused = await authorize(prepared, request, probe);
    if (refused) return refused;
    const subject = options.subject(prepared.field.events);
    if (resume.after !== undefined) {
      const tooFar = await replayTooFar(subject, resume.after);
      if (tooFar) return tooFar;
    }
    const target = {
      subject,
      resolver: createEventResolver(prepared, request, shared),
      after: resume.after,
    };
    const results = await startSubscription(prepared, request, target, started);
    return { document: prepared.document, results };
  }

  return {
    limits,
    setSchema(next) {
      schema = next;
      documents.clear();
    },
    subscribe,
    liveSubjects: () => feed.subjects(),
    open: () => open,
    stop: () => feed.stop(),
  };
}
