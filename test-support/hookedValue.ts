/** A Jest hook: beforeAll, afterAll, beforeEach or afterEach. */
export type Hook = (run: () => Promise<void>) => void;

/**
 * What `open` makes in the `make` hook, ended by `close` in the `remove` hook. The getter
 * reads it in a test or a later hook, and throws rather than read it before it is made.
 */
export function hookedValue<T>(
  make: Hook,
  remove: Hook,
  open: () => Promise<T>,
  close: (value: T) => Promise<unknown>,
): () => T {
  let made: T | undefined;
  make(async () => {
    made = await open();
  });
  remove(async () => {
    if (made !== undefined) await close(made);
    made = undefined;
  });
  return () => {
    if (made === undefined)
      throw new Error('This value is made in a hook: use it in a test or later.');
    return made;
  };
}
