import type { DocumentNode } from 'graphql';
import { subgraphs } from '../../subgraphs';

/** Every type, field, argument and enum value of an SDL that has no description. */
function undescribed(typeDefs: DocumentNode): string[] {
  const missing: string[] = [];
  const check = (node: { description?: unknown }, name: string) => {
    if (!node.description) missing.push(name);
  };
  for (const definition of typeDefs.definitions) {
    if (!('name' in definition) || !definition.name) continue;
    const type = definition.name.value;
    // The root types are described by their fields.
    if (!['Query', 'Mutation', 'Subscription'].includes(type))
      check(definition as { description?: unknown }, type);
    const fields = 'fields' in definition ? (definition.fields ?? []) : [];
    for (const field of fields) {
      check(field, `${type}.${field.name.value}`);
      const args = 'arguments' in field ? (field.arguments ?? []) : [];
      for (const arg of args) check(arg, `${type}.${field.name.value}(${arg.name.value})`);
    }
    const values = 'values' in definition ? (definition.values ?? []) : [];
    for (const value of values) check(value, `${type}.${value.name.value}`);
  }
  return missing;
}

// Partners learn the API by introspection: everything a subgraph declares is described.
describe('schema descriptions', () => {
  it.each(subgraphs.map((s) => [s.name, s] as const))(
    '%s describes every type, field, argument and enum value',
    (_name, subgraph) => {
      expect(undescribed(subgraph.typeDefs)).toEqual([]);
    },
  );
});
