import { createSubgraphRuntime, type SubgraphModule } from '../runtime';

/**
 * Asserts that the module `create` builds while the environment sets `name` to `value`
 * refuses to start, naming the variable, before any request needs the setting. Settings
 * are checked first, so nothing else of the runtime (hence no options) is reached.
 */
export async function expectStartRefused<L>(
  create: () => SubgraphModule<L>,
  name: string,
  value: string,
): Promise<void> {
  const before = process.env[name];
  process.env[name] = value;
  try {
    const runtime = createSubgraphRuntime(create(), {} as never);
    await expect(runtime.start()).rejects.toThrow(new RegExp(name));
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}
