import type { ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { Identity } from '../../../../runtime/edge';
import type { GatewayContext } from '../../context/GatewayContext';
import type { EventResolver } from '../delivery/resolveQueued';
import type { SubscriptionEvent } from '../SubscriptionField';
import type { PreparedSubscription } from './prepareSubscription';
import { runAsClient } from './runAsClient';
import type { SubscriptionRequest } from './SubscriptionEngine';

/**
 * Results per event, by identity, query and variables: clients that would get the same
 * answer share one resolution. Held weakly, so an event's results go with the event.
 */
export type ResultMemo = WeakMap<SubscriptionEvent, Map<string, Promise<FormattedExecutionResult>>>;

/** What every resolver of an engine shares. */
export interface ResolverShared {
  apollo: ApolloServer<GatewayContext>;
  memo: ResultMemo;
}

/** Each identity's key, made once however many subscriptions it holds. */
const keys = new WeakMap<Identity, string>();
const whoIs = (identity: Identity | null) => {
  if (!identity) return '';
  let key = keys.get(identity);
  if (key === undefined) {
    key = `${identity.subject}|${identity.role}|${identity.scopes.join(',')}`;
    keys.set(identity, key);
  }
  return key;
};

const NO_VARIABLES: Readonly<Record<string, unknown>> = Object.freeze({});

/** The client's own variables the lookup uses: most subscriptions have none. */
function fixedVariables(
  { lookup }: PreparedSubscription,
  variables: SubscriptionRequest['variables'],
): Readonly<Record<string, unknown>> {
  if (lookup.clientVariables.length === 0) return NO_VARIABLES;
  const fixed: Record<string, unknown> = {};
  for (const name of lookup.clientVariables) fixed[name] = variables?.[name];
  return fixed;
}

/** One subscription's resolver; its method is shared, so thousands cost a few fields each. */
class ClientResolver implements EventResolver {
  private readonly fixed: Readonly<Record<string, unknown>>;

  constructor(
    private readonly prepared: PreparedSubscription,
    private readonly context: GatewayContext,
    private readonly shared: ResolverShared,
    variables: SubscriptionRequest['variables'],
  ) {
    this.fixed = fixedVariables(prepared, variables);
  }

  async resolve(event: SubscriptionEvent): Promise<FormattedExecutionResult | null> {
    const { lookup, field } = this.prepared;
    const variables = { ...this.fixed };
    const values = field.lookup.variables(event);
    for (const [name, variable] of Object.entries(lookup.lookupVariables)) {
      variables[variable] = values[name];
    }
    const key = `${whoIs(this.context.identity)}|${lookup.query}|${JSON.stringify(variables)}`;
    const { memo, apollo } = this.shared;
    let byKey = memo.get(event);
    if (!byKey) memo.set(event, (byKey = new Map()));
    let pending = byKey.get(key);
    if (!pending) {
      byKey.set(key, (pending = runAsClient(apollo, this.context, lookup.query, variables)));
    }
    const result = await pending;
    if (result.data?.[lookup.responseKey] == null) return null;
    return { ...result, extensions: { ...result.extensions, cursor: String(event.seq) } };
  }
}

/**
 * A client's payload for each event: its selection set run under the lookup field, as
 * the client, with the event's lookup variables and the client's own. Null when there is
 * nothing to show, or nothing this client may read; else the result with its cursor.
 */
export function createEventResolver(
  prepared: PreparedSubscription,
  request: Pick<SubscriptionRequest, 'variables' | 'context'>,
  shared: ResolverShared,
): EventResolver {
  return new ClientResolver(prepared, request.context, shared, request.variables);
}
