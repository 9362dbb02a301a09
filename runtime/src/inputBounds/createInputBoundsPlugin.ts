import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { badInput, toGraphQLError } from '../errors';
import { InputErrors } from '../inputCheck/InputErrors';
import {
  boundOf,
  checkText,
  holdsText,
  textScalarOf,
  type TextBound,
  type TextProblem,
} from './textBounds';

type Variables = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  variables: Variables;
  found: Found[];
}

type Found = TextProblem & { path: string };

function check(text: string, bound: TextBound, path: string, found: Found[]): void {
  const problem = checkText(text, bound, path);
  if (problem) found.push({ ...problem, path });
}

/** Checks a value sent in a variable, as JSON, against the type it is used as. */
function checkValue(
  walk: Walk,
  value: unknown,
  type: GraphQLInputType,
  bound: TextBound | undefined,
  path: string,
): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(walk, value, type.ofType, bound, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkValue(walk, value, type.ofType, bound, path);
    for (const [index, item] of value.entries())
      checkValue(walk, item, type.ofType, bound, `${path}[${index}]`);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    for (const field of Object.values(type.getFields())) {
      const inner = (value as Record<string, unknown>)[field.name];
      checkValue(walk, inner, field.type, boundOf(walk.schema, field), `${path}.${field.name}`);
    }
    return;
  }
  if (bound && typeof value === 'string') check(value, bound, path, walk.found);
}

/** Checks a value written in the operation, following the variables it names. */
function checkNode(
  walk: Walk,
  node: ValueNode,
  type: GraphQLInputType,
  bound: TextBound | undefined,
  path: string,
): void {
  if (node.kind === Kind.VARIABLE)
    return checkValue(walk, walk.variables[node.name.value], type, bound, path);
  if (isNonNullType(type)) return checkNode(walk, node, type.ofType, bound, path);
  if (isListType(type)) {
    if (node.kind !== Kind.LIST) return checkNode(walk, node, type.ofType, bound, path);
    for (const [index, item] of node.values.entries())
      checkNode(walk, item, type.ofType, bound, `${path}[${index}]`);
    return;
  }
  if (isInputObjectType(type)) {
    if (node.kind !== Kind.OBJECT) return;
    const fields = type.getFields();
    for (const field of node.fields) {
      const definition = fields[field.name.value];
      if (!definition) continue;
      checkNode(
        walk,
        field.value,
        definition.type,
        boundOf(walk.schema, definition),
        `${path}.${field.name.value}`,
      );
    }
    return;
  }
  if (bound && node.kind === Kind.STRING && textScalarOf(type))
    check(node.value, bound, path, walk.found);
}

/** An argument that holds text, where the operation (or one of its fragments) passes it. */
interface TextArgument {
  name: string;
  value: ValueNode;
  type: GraphQLInputType;
  bound: TextBound | undefined;
}

/** The text arguments of an operation and its fragments, in document order. */
function textArgumentsOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): TextArgument[] {
  const found: TextArgument[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (argument && holdsText(argument.type))
        found.push({
          name: node.name.value,
          value: node.value,
          type: argument.type,
          bound: boundOf(schema, argument),
        });
      return false;
    },
  });
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) visit(definition, visitor);
  return found;
}

// Apollo Server parses a query once and hands every request the same document, so the walk
// with type information is done once per operation rather than on each request.
const argumentsBySchema = new WeakMap<
  GraphQLSchema,
  WeakMap<OperationDefinitionNode, TextArgument[]>
>();

function cachedTextArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): TextArgument[] {
  let byOperation = argumentsBySchema.get(schema);
  if (!byOperation) argumentsBySchema.set(schema, (byOperation = new WeakMap()));
  let found = byOperation.get(operation);
  if (!found) byOperation.set(operation, (found = textArgumentsOf(schema, document, operation)));
  return found;
}

/** Every String or ID argument value of the operation that breaks its bound, in order, each path once. */
export function findTextProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): Found[] {
  const walk: Walk = { schema, variables, found: [] };
  for (const { name, value, type, bound } of cachedTextArguments(schema, document, operation))
    checkNode(walk, value, type, bound, name);
  const seen = new Set<string>();
  return walk.found.filter(({ path }) => !seen.has(path) && seen.add(path));
}

/**
 * Refuses an operation whose String or ID arguments, written in it or sent as variables,
 * are longer than their bound or hold control characters (see textBounds.ts and
 * docs/input-bounds.md): BAD_USER_INPUT naming the argument path, one error per bad
 * value (createFieldErrorsPlugin splits them), HTTP 400 over HTTP.
 * It runs in every subgraph before any resolver, a floor under each domain's own checks:
 * such text would otherwise reach the database, which may refuse it with an error the
 * client only sees as INTERNAL.
 */
export function createInputBoundsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const found = findTextProblems(schema, document, operation, request.variables ?? {});
          if (found.length === 0) return;
          const faults = found.map(({ path, message, reason }) => badInput(path, message, reason));
          const refusal = toGraphQLError(faults.length === 1 ? faults[0] : new InputErrors(faults));
          throw new GraphQLError(refusal.message, {
            extensions: { ...refusal.extensions, http: { status: 400 } },
          });
        },
      };
    },
  };
}
