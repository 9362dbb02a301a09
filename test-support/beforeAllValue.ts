/**
 * What `make` resolves with, made in a beforeAll (so after the hooks declared before it, whose
 * values it may use). Suites use it as if it were made already, each needing no `let` and no
 * hook of its own; reading it before the hook has run throws rather than reading `undefined`.
 */
export function beforeAllValue<T extends object>(make: () => Promise<T>, timeout?: number): T {
  let made: T | undefined;
  beforeAll(async () => {
    made = await make();
  }, timeout);
  const current = (): T => {
    if (!made) throw new Error('This value is made in beforeAll: use it in a later hook or test.');
    return made;
  };
  // Every read and write goes to the made value; the proxy's own target stays empty.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(current(), key),
    set: (_, key, value) => Reflect.set(current(), key, value),
    has: (_, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(current(), key),
  });
}
