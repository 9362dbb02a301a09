import { ConfigError } from '../../runtime';

/** `parseArgs` options for flags that each take a text value, such as `--from 2025-03-01`. */
export function textFlags<N extends string>(...names: N[]): Record<N, { type: 'string' }> {
  return Object.fromEntries(names.map((name) => [name, { type: 'string' }])) as Record<
    N,
    { type: 'string' }
  >;
}

/** The module `--subgraph` names among `modules`; any other name is refused with the list. */
export function subgraphNamed<M extends { name: string }>(
  name: string | undefined,
  modules: readonly M[],
): M {
  const module = modules.find((m) => m.name === name);
  if (!module)
    throw new ConfigError(`--subgraph must be one of: ${modules.map((m) => m.name).join(', ')}`);
  return module;
}
