import {
  Kind,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type GraphQLCompositeType,
  type SelectionSetNode,
} from 'graphql';
import { fieldMultiplier } from './fieldMultiplier';
import { fieldWeight } from './fieldWeight';
import { NONE, type OperationWalk, type Sizing, type Totals } from './OperationWalk';

/** The totals of a selection set under `parent`, fragments expanded. */
export function measureSelectionSet(
  walk: OperationWalk,
  set: SelectionSetNode,
  parent: GraphQLCompositeType | undefined,
  sizing: Sizing,
): Totals {
  const totals = { ...NONE };
  for (const selection of set.selections) {
    let part: Totals;
    if (selection.kind === Kind.FIELD) {
      part = measureField(walk, selection, parent, sizing);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition
        ? walk.schema.getType(selection.typeCondition.name.value)
        : parent;
      part = measureSelectionSet(walk, selection.selectionSet, compositeOrNone(condition), sizing);
    } else {
      part = measureFragment(walk, selection.name.value, sizing);
    }
    totals.depth = Math.max(totals.depth, part.depth);
    totals.aliases += part.aliases;
    totals.cost += part.cost;
    totals.introspection ||= part.introspection;
  }
  return totals;
}

/** A leaf costs its weight; a field with a selection, its weight plus its size times the selection's cost. */
function measureField(
  walk: OperationWalk,
  field: FieldNode,
  parent: GraphQLCompositeType | undefined,
  sizing: Sizing,
): Totals {
  const name = field.name.value;
  const aliases = field.alias ? 1 : 0;
  if (name === '__schema' || name === '__type') return { ...NONE, aliases, introspection: true };
  const definition =
    parent && (isObjectType(parent) || isInterfaceType(parent))
      ? parent.getFields()[name]
      : undefined;
  const coordinate = `${parent?.name ?? ''}.${name}`;
  const weight = fieldWeight(walk, field, definition, coordinate);
  if (!field.selectionSet) return { ...NONE, depth: 1, aliases, cost: weight };
  const { multiplier, inner } = fieldMultiplier(walk, field, definition, coordinate, sizing);
  const namedType = definition ? getNamedType(definition.type) : undefined;
  const child = measureSelectionSet(walk, field.selectionSet, compositeOrNone(namedType), inner);
  return {
    depth: 1 + child.depth,
    aliases: aliases + child.aliases,
    cost: weight + Math.max(0, multiplier) * child.cost,
    introspection: child.introspection,
  };
}

/** A named fragment's totals, measured once per way it is sized. */
function measureFragment(walk: OperationWalk, name: string, sizing: Sizing): Totals {
  const sizedFields = sizing.sizedFields ? [...sizing.sizedFields].join(',') : '';
  const key = `${sizing.sized ? '+' : '-'}${sizing.size ?? ''}:${sizedFields}:${name}`;
  const known = walk.fragmentTotals.get(key);
  if (known) return known;
  const fragment = walk.fragments.get(name);
  if (!fragment) return NONE;
  // Validation has rejected cycles; the placeholder keeps a malformed document finite anyway.
  walk.fragmentTotals.set(key, NONE);
  const type = walk.schema.getType(fragment.typeCondition.name.value);
  const totals = measureSelectionSet(walk, fragment.selectionSet, compositeOrNone(type), sizing);
  walk.fragmentTotals.set(key, totals);
  return totals;
}

function compositeOrNone(type: unknown): GraphQLCompositeType | undefined {
  return type && isCompositeType(type) ? type : undefined;
}
