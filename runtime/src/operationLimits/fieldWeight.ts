import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  valueFromASTUntyped,
  type FieldNode,
  type GraphQLInputType,
} from 'graphql';
import type { FieldDefinition, OperationWalk } from './OperationWalk';
import type { CostDirectives } from './readCostDirectives';

/**
 * A field's own weight: its `@cost`, else its type's, else 1, plus the `@cost` of each
 * argument and input field given.
 */
export function fieldWeight(
  walk: OperationWalk,
  field: FieldNode,
  definition: FieldDefinition | undefined,
  coordinate: string,
): number {
  const { weights } = walk.costs;
  let weight =
    weights.get(coordinate) ??
    (definition ? weights.get(getNamedType(definition.type).name) : undefined) ??
    1;
  if (weights.size === 0 || !definition) return weight;
  for (const node of field.arguments ?? []) {
    const arg = definition.args.find((a) => a.name === node.name.value);
    if (!arg) continue;
    weight += weights.get(`${coordinate}(${arg.name}:)`) ?? 0;
    weight += inputWeight(walk.costs, arg.type, valueFromASTUntyped(node.value, walk.variables));
  }
  return weight;
}

/** The `@cost` of the input fields present in a value, however deep. */
function inputWeight(costs: CostDirectives, type: GraphQLInputType, value: unknown): number {
  const nullable = getNullableType(type);
  if (value == null) return 0;
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    return items.reduce((sum: number, item) => sum + inputWeight(costs, nullable.ofType, item), 0);
  }
  if (!isInputObjectType(nullable) || typeof value !== 'object') return 0;
  const fields = nullable.getFields();
  let weight = 0;
  for (const [key, item] of Object.entries(value)) {
    const inputField = fields[key];
    if (!inputField) continue;
    weight += costs.weights.get(`${nullable.name}.${key}`) ?? 0;
    weight += inputWeight(costs, inputField.type, item);
  }
  return weight;
}
