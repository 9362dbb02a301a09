import { GraphQLError } from 'graphql';
import type {
  FieldArguments,
  Probe,
  SubscriptionEvent,
  SubscriptionField,
  SubscriptionsOptions,
} from '../../gateway/src';
import { eventsStream, type Namespace, type NatsClients, subjectFor } from '../../messaging';
import { ErrorCode, hasRole, type Identity } from '../../runtime';

/** The `data` of an event's CloudEvents envelope. */
const data = (event: SubscriptionEvent) => (event.body.data ?? {}) as Record<string, unknown>;

/** The person an identity is: its employee, or its subject for a service principal. */
const personOf = (identity: Identity | null) => identity?.employeeId ?? identity?.subject;

/** HR, ADMIN and SYSTEM read everyone's leave and accruals. */
const readsEveryone = (identity: Identity | null) => hasRole(identity, 'HR', 'SYSTEM');

const forbidden = (message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });

/**
 * Asks the owning subgraph, as the caller, whether they may read `employeeId`'s data:
 * a refused probe refuses the subscription with the probe's error code.
 */
async function assertProbe(probe: Probe, query: string, employeeId: unknown, what: string) {
  const result = await probe(query, { id: employeeId });
  const error = result.errors?.[0];
  if (!error) return;
  const code = String(error.extensions?.code ?? ErrorCode.FORBIDDEN);
  if (code === ErrorCode.FORBIDDEN || code === ErrorCode.UNAUTHENTICATED)
    throw forbidden(`You may not follow ${what}.`);
  throw new GraphQLError(error.message, { extensions: { code } });
}

const LEAVE_PROBE = `query LeaveSubscriptionProbe($id: ID!) {
  employee(id: $id) { id leaveRequests(first: 1) { totalCount } }
}`;

const ACCRUALS_PROBE = `query AccrualsSubscriptionProbe($id: ID!) {
  accrualBalance(employeeId: $id, accrualType: ANNUAL_TARGET_HOURS) { accrualType }
}`;

const notificationReceived: SubscriptionField = {
  events: 'notifications.notification.created',
  // Nobody sees another person's notifications, whatever their role.
  matches: (event, _args, identity) => !!identity && data(event).recipientId === personOf(identity),
  route: {
    event: (event) => data(event).recipientId,
    client: (_args, identity) => personOf(identity),
  },
  lookup: {
    field: 'notification',
    arguments: { id: 'ID!' },
    variables: (event) => ({ id: data(event).notificationId }),
  },
};

function followsLeaveOf(event: SubscriptionEvent, args: FieldArguments, identity: Identity | null) {
  const employeeId = data(event).employeeId;
  if (args.employeeId != null) return employeeId === args.employeeId;
  if (!identity || readsEveryone(identity)) return !!identity;
  if (employeeId === identity.employeeId) return true;
  // Direct or indirect reports: the lookup, run as the manager, decides.
  return identity.role === 'MANAGER';
}

const leaveRequestUpdated: SubscriptionField = {
  events: 'leave.request.*',
  async authorize(args, identity, probe) {
    const employeeId = args.employeeId;
    if (employeeId == null || readsEveryone(identity) || employeeId === identity?.employeeId)
      return;
    await assertProbe(probe, LEAVE_PROBE, employeeId, "this employee's leave");
  },
  matches: followsLeaveOf,
  // A client that names an employee hears that employee's requests alone; the others hear all.
  route: {
    event: (event) => data(event).employeeId,
    client: (args) => args.employeeId ?? undefined,
  },
  lookup: {
    field: 'leaveRequest',
    arguments: { id: 'ID!' },
    variables: (event) => ({ id: data(event).requestId }),
  },
};

const accrualBalanceChanged: SubscriptionField = {
  events: 'accruals.balance.changed',
  async authorize(args, identity, probe) {
    if (readsEveryone(identity) || args.employeeId === identity?.employeeId) return;
    await assertProbe(probe, ACCRUALS_PROBE, args.employeeId, "this employee's accruals");
  },
  matches: (event, args) => data(event).employeeId === args.employeeId,
  route: { event: (event) => data(event).employeeId, client: (args) => args.employeeId },
  lookup: {
    field: 'accrualBalance',
    arguments: { employeeId: 'ID!', accrualType: 'AccrualType!' },
    variables: (event) => ({
      employeeId: data(event).employeeId,
      accrualType: data(event).accrualType,
    }),
  },
};

/** The HR platform's subscription fields: which events feed them and who receives what. */
export const subscriptionFields: Record<string, SubscriptionField> = {
  notificationReceived,
  leaveRequestUpdated,
  accrualBalanceChanged,
};

/** The gateway's subscription options over a namespace's events stream. */
export function hrSubscriptions(
  nats: Pick<NatsClients, 'js' | 'jsm'>,
  namespace: Namespace,
): SubscriptionsOptions {
  return {
    js: nats.js,
    jsm: nats.jsm,
    stream: eventsStream(namespace),
    subject: (events) => subjectFor(events, namespace),
    fields: subscriptionFields,
  };
}
