import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  BREAK,
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
}

type Found = (TextProblem & { path: string }) | undefined;

function check(text: string, bound: TextBound, path: string): Found {
  const problem = checkText(text, bound, path);
  return problem && { ...problem, path };
}

/** Checks a value sent in a variable, as JSON, against the type it is used as. */
function checkValue(
  walk: Walk,
  value: unknown,
  type: GraphQLInputType,
  bound: TextBound | undefined,
  path: string,
): Found {
  if (value === null || value === undefined) return undefined;
  if (isNonNullType(type)) return checkValue(walk, value, type.ofType, bound, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkValue(walk, value, type.ofType, bound, path);
    for (const [index, item] of value.entries()) {
      const found = checkValue(walk, item, type.ofType, bound, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return undefined;
    for (const field of Object.values(type.getFields())) {
      const inner = (value as Record<string, unknown>)[field.name];
      const found = checkValue(
        walk,
        inner,
        field.type,
        boundOf(walk.schema, field),
        `${path}.${field.name}`,
      );
      if (found) return found;
    }
    return undefined;
  }
  return bound && typeof value === 'string' ? check(value, bound, path) : undefined;
}

/** Checks a value written in the operation, following the variables it names. */
function checkNode(
  walk: Walk,
  node: ValueNode,
  type: GraphQLInputType,
  bound: TextBound | undefined,
  path: string,
): Found {
  if (node.kind === Kind.VARIABLE)
    return checkValue(walk, walk.variables[node.name.value], type, bound, path);
  if (isNonNullType(type)) return checkNode(walk, node, type.ofType, bound, path);
  if (isListType(type)) {
    if (node.kind !== Kind.LIST) return checkNode(walk, node, type.ofType, bound, path);
    for (const [index, item] of node.values.entries()) {
      const found = checkNode(walk, item, type.ofType, bound, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(type)) {
    if (node.kind !== Kind.OBJECT) return undefined;
    const fields = type.getFields();
    for (const field of node.fields) {
      const definition = fields[field.name.value];
      if (!definition) continue;
      const found = checkNode(
        walk,
        field.value,
        definition.type,
        boundOf(walk.schema, definition),
        `${path}.${field.name.value}`,
      );
      if (found) return found;
    }
    return undefined;
  }
  return bound && node.kind === Kind.STRING && textScalarOf(type)
    ? check(node.value, bound, path)
    : undefined;
}

/** The first String or ID argument value of the operation that breaks its bound. */
export function findTextProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): Found {
  const walk: Walk = { schema, variables };
  const typeInfo = new TypeInfo(schema);
  let found: Found;
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (argument && holdsText(argument.type)) {
        found = checkNode(
          walk,
          node.value,
          argument.type,
          boundOf(schema, argument),
          node.name.value,
        );
      }
      return found ? BREAK : false;
    },
  });
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) {
    visit(definition, visitor);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses an operation whose String or ID arguments, written in it or sent as variables,
 * are longer than their bound or hold control characters (see textBounds.ts and
 * docs/input-bounds.md): BAD_USER_INPUT naming the argument path, HTTP 400 over HTTP.
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
          const found = findTextProblem(schema, document, operation, request.variables ?? {});
          if (!found) return;
          const refusal = toGraphQLError(badInput(found.path, found.message, found.reason));
          throw new GraphQLError(refusal.message, {
            extensions: { ...refusal.extensions, http: { status: 400 } },
          });
        },
      };
    },
  };
}
