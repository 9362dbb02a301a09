import type { FormattedExecutionResult } from 'graphql';
import type { Identity } from '../../../../runtime';
import type { EventResolver } from '../delivery/resolveQueued';
import type { Probe, SubscriptionEvent } from '../SubscriptionField';
import type { PreparedSubscription } from './prepareSubscription';
import type { SubscriptionRequest } from './SubscriptionEngine';

/**
 * Results per event, by identity, query and variables: clients that would get the same
 * answer share one resolution. Held weakly, so an event's results go with the event.
 */
export type ResultMemo = WeakMap<SubscriptionEvent, Map<string, Promise<FormattedExecutionResult>>>;

const whoIs = (identity: Identity | null) =>
  identity ? `${identity.subject}|${identity.role}|${identity.scopes.join(',')}` : '';

/**
 * A client's payload for each event: its selection set run under the lookup field, as
 * the client, with the event's lookup variables and the client's own. Null when there is
 * nothing to show, or nothing this client may read; else the result with its cursor.
 */
export function createEventResolver(
  { lookup, field }: PreparedSubscription,
  request: Pick<SubscriptionRequest, 'variables' | 'context'>,
  run: Probe,
  memo: ResultMemo,
): EventResolver {
  const fixed: Record<string, unknown> = {};
  for (const name of lookup.clientVariables) fixed[name] = request.variables?.[name];
  const who = whoIs(request.context.identity);
  return async (event) => {
    const variables = { ...fixed };
    const values = field.lookup.variables(event);
    for (const [name, variable] of Object.entries(lookup.lookupVariables)) {
      variables[variable] = values[name];
    }
    const key = `${who}|${lookup.query}|${JSON.stringify(variables)}`;
    let byKey = memo.get(event);
    if (!byKey) memo.set(event, (byKey = new Map()));
    let pending = byKey.get(key);
    if (!pending) byKey.set(key, (pending = run(lookup.query, variables)));
    const result = await pending;
    if (result.data?.[lookup.responseKey] == null) return null;
    return { ...result, extensions: { ...result.extensions, cursor: String(event.seq) } };
  };
}
