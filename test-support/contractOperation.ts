import { Kind, print, type OperationDefinitionNode } from 'graphql';
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
