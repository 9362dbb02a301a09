import { valueFromASTUntyped, type FieldNode } from 'graphql';
import type { FieldDefinition, OperationWalk } from './OperationWalk';

/**
 * An argument's value as execution will see it (a variable left out takes the
 * argument's default), or a dotted path into it; null counts as not given.
 */
export function argumentValue(
  walk: OperationWalk,
  field: FieldNode,
  definition: FieldDefinition | undefined,
  path: string,
): unknown {
  const [name, ...rest] = path.split('.');
  const node = field.arguments?.find((a) => a.name.value === name);
  let value = node ? valueFromASTUntyped(node.value, walk.variables) : undefined;
  if (value === undefined) value = definition?.args.find((a) => a.name === name)?.defaultValue;
  for (const key of rest) value = (value as Record<string, unknown> | null)?.[key];
  return value ?? undefined;
}
