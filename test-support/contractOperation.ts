import {
  isUnionType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { loadContract } from '../schema/src/contract';

const documents = new Map(loadContract().map((o) => [o.name, o.document]));
const operations = new Map([...documents].map(([name, document]) => [name, print(document)]));

/** The text of a named operation from the front end's contract (schema/contract/). */
export function contractOperation(name: string): string {
  const text = operations.get(name);
  if (!text) throw new Error(`No contract operation named ${name}.`);
  return text;
}

/**
 * A contract query rooted at `employee(id:)` (owned by the employees subgraph) as the
 * gateway's query planner sends it to the subgraph that adds the selected fields: the same
 * selection on an `_entities` reference, with the operation's other variables.
 */
export function contractEntityQuery(name: string): string {
  contractOperation(name);
  const operation = documents.get(name)!.definitions[0] as OperationDefinitionNode;
  const [employee] = operation.selectionSet.selections;
  if (employee?.kind !== Kind.FIELD || employee.name.value !== 'employee')
    throw new Error(`${name} is not rooted at employee(id:).`);
  const variables = (operation.variableDefinitions ?? [])
    .filter((v) => v.variable.name.value !== 'id')
    .map(print);
  return `query ${name}(${['$representations: [_Any!]!', ...variables].join(', ')}) {
    _entities(representations: $representations) { ... on Employee ${print(employee.selectionSet!)} }
  }`;
}

/** A contract operation as the gateway's plan sends it to one subgraph, and what it left out. */
export interface SubgraphPart {
  query: string;
  /** `Type.field` of each field left to the subgraphs that own it. */
  leftOut: string[];
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** The entity types a subgraph resolves references of (its `_Entity` union). */
function entityTypes(schema: GraphQLSchema): Set<string> {
  const union = schema.getType('_Entity');
  return new Set(isUnionType(union) ? union.getTypes().map((t) => t.name) : []);
}

/**
 * The part of a named contract operation that `schema`'s subgraph answers: a query rooted
 * at `employee(id:)` becomes the `_entities` query the plan sends; elsewhere a field of an
 * entity the subgraph does not define (an employee's name, say) is left to its owner, and
 * the reference asks for `__typename` instead, as the plan does. Any other field stays, so
 * a field the subgraph lacks still fails validation.
 */
export function subgraphPart(name: string, schema: GraphQLSchema): SubgraphPart {
  const document = parse(contractOperation(name));
  const [root] = (document.definitions[0] as OperationDefinitionNode).selectionSet.selections;
  if (root?.kind === Kind.FIELD && root.name.value === 'employee')
    return { query: contractEntityQuery(name), leftOut: [] };
  const entities = entityTypes(schema);
  const typeInfo = new TypeInfo(schema);
  const leftOut: string[] = [];
  // Per selection set being visited: whether a field of it was left out.
  const trimmed: boolean[] = [];
  const part = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        enter: () => void trimmed.push(false),
        leave: (node) =>
          trimmed.pop() ? { ...node, selections: [TYPENAME, ...node.selections] } : undefined,
      },
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || !entities.has(parent.name) || typeInfo.getFieldDef()) return undefined;
        leftOut.push(`${parent.name}.${node.name.value}`);
        trimmed[trimmed.length - 1] = true;
        return null;
      },
    }),
  );
  return { query: print(part), leftOut };
}
