import { getNullableType, isListType, type FieldNode } from 'graphql';
import { argumentValue } from './argumentValue';
import { UNSIZED, type FieldDefinition, type OperationWalk, type Sizing } from './OperationWalk';
import type { ListSize } from './readCostDirectives';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ][\d:.]+(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** How many times a field's selection counts, and how it sizes the fields under it. */
export interface FieldMultiplier {
  multiplier: number;
  inner: Sizing;
}

/**
 * The size of a field with a selection: as its parent sizes it, else by its `@listSize`,
 * else by a size argument, a period (for a list) or the default list size.
 */
export function fieldMultiplier(
  walk: OperationWalk,
  field: FieldNode,
  definition: FieldDefinition | undefined,
  coordinate: string,
  sizing: Sizing,
): FieldMultiplier {
  const { settings } = walk;
  const isList = !!definition && isListType(getNullableType(definition.type));
  const listSize = walk.costs.listSizes.get(coordinate);
  if (sizing.sizedFields?.has(field.name.value)) {
    return { multiplier: sizing.size ?? settings.defaultListSize, inner: UNSIZED };
  }
  if (listSize) {
    const size = declaredSize(walk, field, definition, listSize, coordinate);
    if (listSize.sizedFields.length > 0) {
      return {
        multiplier: 1,
        inner: { sized: false, sizedFields: new Set(listSize.sizedFields), size },
      };
    }
    return { multiplier: isList ? size : 1, inner: UNSIZED };
  }
  const size = sizeArgument(walk, field, definition);
  const days = isList ? rangeDays(walk, field, definition) : undefined;
  return {
    multiplier: size ?? days ?? (isList && !sizing.sized ? settings.defaultListSize : 1),
    // A size on a connection (not itself a list) is its page: its lists are that page.
    inner: { sized: size !== undefined && !isList },
  };
}

/** The size `@listSize` gives a field, noting a missing required slicing argument. */
function declaredSize(
  walk: OperationWalk,
  field: FieldNode,
  definition: FieldDefinition | undefined,
  listSize: ListSize,
  coordinate: string,
): number {
  let size: number | undefined;
  let given = 0;
  for (const path of listSize.slicingArguments) {
    const value = argumentValue(walk, field, definition, path);
    if (typeof value !== 'number') continue;
    given += 1;
    size = Math.max(size ?? 0, value);
  }
  if (listSize.requireOneSlicingArgument && listSize.slicingArguments.length && given !== 1) {
    walk.unsliced.add(coordinate);
  }
  if (size !== undefined) return size;
  const days = rangeDays(walk, field, definition);
  if (days !== undefined) return Math.min(days, listSize.assumedSize ?? days);
  return listSize.assumedSize ?? walk.settings.defaultListSize;
}

/** The size a size argument gives a field without `@listSize`, e.g. `first`. */
function sizeArgument(
  walk: OperationWalk,
  field: FieldNode,
  definition: FieldDefinition | undefined,
): number | undefined {
  const names = new Set([
    ...(field.arguments ?? []).map((a) => a.name.value),
    ...(definition?.args ?? []).map((a) => a.name),
  ]);
  for (const name of names) {
    if (!walk.settings.sizeArguments.has(name)) continue;
    const value = argumentValue(walk, field, definition, name);
    if (typeof value === 'number') return value;
    // A list argument gives one item per element, like `_entities(representations:)`.
    if (Array.isArray(value)) return value.length;
    // Given, but null and without a default: the server picks; assume the default list size.
    if (field.arguments?.some((a) => a.name.value === name)) return walk.settings.defaultListSize;
  }
  return undefined;
}

/** The days of a period the field's range arguments give, both ends counted. */
function rangeDays(
  walk: OperationWalk,
  field: FieldNode,
  definition: FieldDefinition | undefined,
): number | undefined {
  for (const { from, to } of walk.settings.rangeArguments) {
    const start = argumentValue(walk, field, definition, from);
    const end = argumentValue(walk, field, definition, to);
    if (typeof start !== 'string' || typeof end !== 'string') continue;
    if (!ISO_DATE.test(start) || !ISO_DATE.test(end)) continue;
    const span = Date.parse(end) - Date.parse(start);
    if (Number.isFinite(span)) return Math.floor(Math.abs(span) / DAY_MS) + 1;
  }
  return undefined;
}
