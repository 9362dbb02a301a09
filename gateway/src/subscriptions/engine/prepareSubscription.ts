import {
  Kind,
  getArgumentValues,
  getVariableValues,
  type DocumentNode,
  type GraphQLField,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import {
  type CostDirectives,
  ErrorCode,
  type OperationCheck,
  OperationRefusedError,
  unavailable,
} from '../../../../runtime/edge';
import { badSubscription, refusalOf, type Refusal } from '../subscriptionErrors';
import type { FieldArguments, SubscriptionField } from '../SubscriptionField';
import { createLookupDocument, type LookupDocument } from './createLookupDocument';
import type { DocumentCache } from './createDocumentCache';
import type { SubscriptionRequest } from './SubscriptionEngine';

/** A subscription that passed every check, ready to be authorized and started. */
export interface PreparedSubscription {
  field: SubscriptionField;
  fieldName: string;
  args: FieldArguments;
  document: DocumentNode;
  lookup: LookupDocument;
}

/** What preparing a subscription reads: the schema now, and the engine's checks and fields. */
export interface PrepareContext {
  schema: GraphQLSchema | undefined;
  documents: DocumentCache;
  check: OperationCheck;
  costsOf?(schema: GraphQLSchema): CostDirectives | undefined;
  fields: Record<string, SubscriptionField>;
}

/**
 * Each operation's lookup, made once: clients send the same few documents (parsed once by
 * the document cache), and thousands of subscriptions would otherwise each hold a printed
 * copy of the same query.
 */
const lookups = new WeakMap<OperationDefinitionNode, LookupDocument>();

const notSubscription = () =>
  refusalOf(
    new OperationRefusedError(
      ErrorCode.BAD_USER_INPUT,
      'Only subscriptions are served here; send queries and mutations over HTTP.',
      'TRANSPORT_UNSUPPORTED',
    ),
  );

/** The field's arguments, from the request's variables coerced against the schema. */
function argumentsOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  node: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  variables: SubscriptionRequest['variables'],
): { args: FieldArguments } | Refusal {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) {
    return {
      errors: coerced.errors.map((e) => ({
        ...e.toJSON(),
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      })),
    };
  }
  return { args: getArgumentValues(definition, node, coerced.coerced) };
}

/**
 * Parses, validates and checks a subscription as queries and mutations are checked, and
 * finds the served field it selects, with its arguments and the lookup that resolves it.
 */
export function prepareSubscription(
  request: SubscriptionRequest,
  context: PrepareContext,
): PreparedSubscription | Refusal {
  const { schema, check } = context;
  if (!schema) return refusalOf(unavailable('The schema is not loaded yet.'));
  const document = context.documents.get(schema, request.query);
  if ('errors' in document) return document;
  const checked = check({
    schema,
    costs: context.costsOf?.(schema),
    document,
    operationName: request.operationName,
    variables: request.variables,
    identity: request.context.identity,
  });
  if ('refusal' in checked) return refusalOf(checked.refusal);
  const { operation } = checked;
  if (operation.operation !== 'subscription') return notSubscription();
  const node = operation.selectionSet.selections[0];
  if (node?.kind !== Kind.FIELD) return badSubscription('Select the subscription field directly.');
  const field = context.fields[node.name.value];
  const definition = schema.getSubscriptionType()?.getFields()[node.name.value];
  if (!field || !definition) return badSubscription(`${node.name.value} is not served.`);
  const coerced = argumentsOf(schema, operation, node, definition, request.variables);
  if ('errors' in coerced) return coerced;
  let lookup = lookups.get(operation);
  if (!lookup)
    lookups.set(
      operation,
      (lookup = createLookupDocument(document, operation, node, field.lookup)),
    );
  return { field, fieldName: node.name.value, args: coerced.args, document, lookup };
}
