/**
 * The harness `start` makes, started before the suite's tests and stopped after them. Suites
 * use it as if it were started already, so each needs no `let` with its own pair of hooks.
 */
export function suiteHarness<H extends object & { stop(): Promise<unknown> }>(
  start: () => Promise<H>,
): H {
  let started: H | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(() => started?.stop());
  const current = (): H => {
    if (!started)
      throw new Error('The suite harness starts in beforeAll: use it in a hook or test.');
    return started;
  };
  // Every read and write goes to the started harness; the proxy's own target stays empty.
  return new Proxy({} as H, {
    get: (_, key) => Reflect.get(current(), key),
    set: (_, key, value) => Reflect.set(current(), key, value),
    has: (_, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(current(), key),
  });
}
