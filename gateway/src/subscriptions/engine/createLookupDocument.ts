import {
  Kind,
  parseType,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { EntityLookup } from '../SubscriptionField';

export interface LookupDocument {
  /** The query to run for each event. */
  query: string;
  /** The response key the payload is under (the client's alias or field name). */
  responseKey: string;
  /** The client's variables the query still uses. */
  clientVariables: string[];
  /** The variable name of each lookup argument. */
  lookupVariables: Record<string, string>;
}

const LOOKUP_PREFIX = '_lookup_';

/**
 * The query that fetches one event's payload: the client's selection set under the
 * lookup field, aliased to the subscription field's response key, with the client's
 * fragments and variables that it still uses.
 */
export function createLookupDocument(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  field: FieldNode,
  lookup: EntityLookup,
): LookupDocument {
  const responseKey = field.alias?.value ?? field.name.value;
  const lookupVariables: Record<string, string> = {};
  const lookupDefinitions: VariableDefinitionNode[] = [];
  for (const [name, type] of Object.entries(lookup.arguments)) {
    const variable = `${LOOKUP_PREFIX}${name}`;
    lookupVariables[name] = variable;
    lookupDefinitions.push({
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
      type: parseType(type),
    });
  }
  const lookupField: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: responseKey },
    name: { kind: Kind.NAME, value: lookup.field },
    arguments: Object.entries(lookupVariables).map(([name, variable]) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: name },
      value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
    })),
    directives: field.directives,
    selectionSet: field.selectionSet,
  };
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [lookupField] };
  const fragments = usedFragments(document, selectionSet);
  const used = usedVariables([selectionSet, ...fragments]);
  const clientDefinitions = (operation.variableDefinitions ?? []).filter((d) =>
    used.has(d.variable.name.value),
  );
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as OperationDefinitionNode['operation'],
        name: operation.name,
        variableDefinitions: [...clientDefinitions, ...lookupDefinitions],
        selectionSet,
      },
      ...fragments,
    ],
  };
  return {
    query: print(query),
    responseKey,
    clientVariables: clientDefinitions.map((d) => d.variable.name.value),
    lookupVariables,
  };
}

/** The fragments a selection set spreads, directly or through other fragments. */
function usedFragments(document: DocumentNode, root: SelectionSetNode): FragmentDefinitionNode[] {
  const all = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) all.set(d.name.value, d);
  }
  const found = new Map<string, FragmentDefinitionNode>();
  const pending: (SelectionSetNode | FragmentDefinitionNode)[] = [root];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = all.get(node.name.value);
        if (!fragment || found.has(node.name.value)) return;
        found.set(node.name.value, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...found.values()];
}

function usedVariables(nodes: (SelectionSetNode | FragmentDefinitionNode)[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  }
  return names;
}
