import crypto from 'node:crypto';
import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getVariableValues,
  validate,
  type DocumentNode,
  type FieldNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { ApolloServer } from '@apollo/server';
import type { Gauge } from 'prom-client';
import { ErrorCode, unavailable } from '../../../runtime/src/errors';
import type { Logger } from '../../../runtime/src/logger';
import {
  OperationRefusedError,
  parseOperation,
  type CostDirectives,
  type OperationCheck,
} from '../../../runtime/src/operationLimits';
import type { GatewayContext } from '../context/GatewayContext';
import { neutralMessage } from '../errors/neutralMessage';
import { createDeliveryQueue } from './createDeliveryQueue';
import { createEventFeed } from './createEventFeed';
import { createLookupDocument, type LookupDocument } from './createLookupDocument';
import { badSubscription, formatThrown, refusalOf, type Refusal } from './subscriptionErrors';
import {
  DEFAULT_SUBSCRIPTION_LIMITS,
  type FieldArguments,
  type Probe,
  type SubscriptionEvent,
  type SubscriptionField,
  type SubscriptionLimits,
  type SubscriptionsOptions,
} from './SubscriptionField';

export interface SubscriptionRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  /** The stream sequence of the last event the client saw: resume after it. */
  cursor?: string | null;
  context: GatewayContext;
  /** Called when the client falls too far behind; the transport drops the connection. */
  onOverflow(): void;
}

export type SubscribeOutcome =
  Refusal | { document: DocumentNode; results: AsyncIterableIterator<FormattedExecutionResult> };

export interface SubscriptionEngineOptions extends SubscriptionsOptions {
  apollo: ApolloServer<GatewayContext>;
  /** The operation check queries and mutations get too: limits and introspection. */
  check: OperationCheck;
  /** The `@cost` and `@listSize` of a schema. */
  costsOf?(schema: GraphQLSchema): CostDirectives | undefined;
  /** Strip "Did you mean" suggestions from validation errors (outside development). */
  hideSuggestions?: boolean;
  logger: Logger;
  /** Counts open subscriptions. */
  gauge?: Gauge;
}

export interface SubscriptionEngine {
  readonly limits: SubscriptionLimits;
  /** The API schema subscriptions are validated against (set when the supergraph loads). */
  setSchema(schema: GraphQLSchema): void;
  /** Validates, authorizes and starts one subscription. */
  subscribe(request: SubscriptionRequest): Promise<SubscribeOutcome>;
  /** Subjects with a live consumer now (tests). */
  liveSubjects(): string[];
  /** Subscriptions open now, once live (tests wait for it before publishing). */
  open(): number;
  stop(): Promise<void>;
}

const MAX_CACHED_DOCUMENTS = 500;

const SUGGESTION = / ?Did you mean(.+?)\?$/;

interface Prepared {
  field: SubscriptionField;
  fieldName: string;
  args: FieldArguments;
  document: DocumentNode;
  lookup: LookupDocument;
}

/**
 * Serves `Subscription` fields from the events stream: one shared consumer per subject,
 * an in-memory filter per client, and each payload resolved by running the client's
 * selection set through the gateway as that client.
 */
export function createSubscriptionEngine(options: SubscriptionEngineOptions): SubscriptionEngine {
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.limits };
  const feed = createEventFeed({ ...options, logger: options.logger });
  let schema: GraphQLSchema | undefined;
  let open = 0;
  // One resolution per event, identity and query: clients that would get the same answer share it.
  const memo = new WeakMap<SubscriptionEvent, Map<string, Promise<FormattedExecutionResult>>>();

  const run = (context: GatewayContext, query: string, variables: Record<string, unknown>) =>
    options.apollo
      .executeOperation(
        { query, variables },
        { contextValue: { ...context, requestId: crypto.randomUUID(), internal: true } },
      )
      .then(({ body }) =>
        body.kind === 'single'
          ? body.singleResult
          : { errors: [{ message: 'Incremental result.' }] },
      ) as Promise<FormattedExecutionResult>;

  // Clients send the same few documents: parse and validate each once per schema.
  let parsed = new Map<string, DocumentNode | Refusal>();
  function parseValid(current: GraphQLSchema, query: string): DocumentNode | Refusal {
    let found = parsed.get(query);
    if (found) return found;
    const document = parseOperation(query, options.check.limits.maxTokens);
    if (document instanceof OperationRefusedError) found = refusalOf(document);
    else {
      const invalid = validate(current, document);
      // Over the directive limit, that one refusal rather than an error per directive.
      const tooManyDirectives = invalid.length > 0 ? options.check.directives(document) : undefined;
      if (tooManyDirectives) found = refusalOf(tooManyDirectives);
      else if (invalid.length > 0) found = { errors: invalid.map(formatInvalid) };
      else found = document;
    }
    if (parsed.size >= MAX_CACHED_DOCUMENTS) parsed.clear();
    parsed.set(query, found);
    return found;
  }

  function formatInvalid(error: GraphQLError): GraphQLFormattedError {
    const formatted = error.toJSON();
    const message = neutralMessage(
      options.hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message,
    );
    return { ...formatted, message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }

  function prepare(request: SubscriptionRequest): Prepared | Refusal {
    if (!schema) return refusalOf(unavailable('The schema is not loaded yet.'));
    const document = parseValid(schema, request.query);
    if ('errors' in document) return document;
    const checked = options.check({
      schema,
      costs: options.costsOf?.(schema),
      document,
      operationName: request.operationName,
      variables: request.variables,
      identity: request.context.identity,
    });
    if ('refusal' in checked) return refusalOf(checked.refusal);
    const { operation } = checked;
    if (operation.operation !== 'subscription') {
      return refusalOf(
        new OperationRefusedError(
          ErrorCode.BAD_USER_INPUT,
          'Only subscriptions are served here; send queries and mutations over HTTP.',
          'TRANSPORT_UNSUPPORTED',
        ),
      );
    }
    const node = operation.selectionSet.selections[0];
    if (node?.kind !== Kind.FIELD) {
      return badSubscription('Select the subscription field directly.');
    }
    const field = options.fields[node.name.value];
    const definition = schema.getSubscriptionType()?.getFields()[node.name.value];
    if (!field || !definition) return badSubscription(`${node.name.value} is not served.`);
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      request.variables ?? {},
    );
    if (coerced.errors) {
      return {
        errors: coerced.errors.map((e) => ({
          ...e.toJSON(),
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        })),
      };
    }
    const args = getArgumentValues(definition, node as FieldNode, coerced.coerced);
    const lookup = createLookupDocument(document, operation, node, field.lookup);
    return { field, fieldName: node.name.value, args, document, lookup };
  }

  function resolver(prepared: Prepared, request: SubscriptionRequest) {
    const { lookup, field } = prepared;
    const identity = request.context.identity;
    const fixed: Record<string, unknown> = {};
    for (const name of lookup.clientVariables) fixed[name] = request.variables?.[name];
    const who = identity ? `${identity.subject}|${identity.role}|${identity.scopes.join(',')}` : '';
    return async (event: SubscriptionEvent): Promise<FormattedExecutionResult | null> => {
      const variables = { ...fixed };
      const values = field.lookup.variables(event);
      for (const [name, variable] of Object.entries(lookup.lookupVariables)) {
        variables[variable] = values[name];
      }
      const key = `${who}|${lookup.query}|${JSON.stringify(variables)}`;
      let byKey = memo.get(event);
      if (!byKey) memo.set(event, (byKey = new Map()));
      let pending = byKey.get(key);
      if (!pending) byKey.set(key, (pending = run(request.context, lookup.query, variables)));
      const result = await pending;
      // Null: nothing to show, or not this client's to read.
      if (result.data?.[lookup.responseKey] == null) return null;
      return { ...result, extensions: { ...result.extensions, cursor: String(event.seq) } };
    };
  }

  async function start(prepared: Prepared, request: SubscriptionRequest, after?: number) {
    const { field, args } = prepared;
    const identity = request.context.identity;
    let leave: (() => void) | undefined;
    let joined = false;
    const queue = createDeliveryQueue({
      resolve: resolver(prepared, request),
      maxQueued: limits.maxQueuedEvents,
      onOverflow: request.onOverflow,
      onClose: () => {
        leave?.();
        if (!joined) return;
        open -= 1;
        options.gauge?.dec();
      },
    });
    const sink = (event: SubscriptionEvent) => {
      if (field.matches(event, args, identity)) queue.push(event);
    };
    try {
      leave = await feed.join(options.subject(field.events), sink, {
        after,
        closed: () => queue.closed,
        pace: () => queue.whenBelow(Math.ceil(limits.maxQueuedEvents / 2)),
        onError: (error) => {
          options.logger.warn({ err: error }, 'subscription replay failed');
          queue.close(new Error('Replay failed; subscribe again.'));
        },
      });
    } catch (error) {
      queue.close();
      throw error;
    }
    if (queue.closed) leave();
    else {
      joined = true;
      open += 1;
      options.gauge?.inc();
    }
    return queue.results;
  }

  return {
    limits,
    setSchema(next) {
      schema = next;
      parsed = new Map();
    },
    async subscribe(request) {
      const prepared = prepare(request);
      if ('errors' in prepared) return prepared;
      const cursor = request.cursor ?? undefined;
      if (cursor !== undefined && !/^\d{1,15}$/.test(cursor)) {
        return badSubscription('The cursor is not one this gateway gave.');
      }
      const probe: Probe = (query, variables = {}) => run(request.context, query, variables);
      try {
        await prepared.field.authorize?.(prepared.args, request.context.identity, probe);
      } catch (error) {
        return { errors: [formatThrown(error)] };
      }
      const after = cursor === undefined ? undefined : Number(cursor);
      const results = await start(prepared, request, after);
      return { document: prepared.document, results };
    },
    liveSubjects: () => feed.subjects(),
    open: () => open,
    stop: () => feed.stop(),
  };
}
