import { beforeAllValue } from './beforeAllValue';

/**
 * The harness `start` makes, started before the suite's tests and stopped after them. Suites
 * use it as if it were started already, so each needs no `let` with its own pair of hooks.
 */
export function suiteHarness<H extends object & { stop(): Promise<unknown> }>(
  start: () => Promise<H>,
  timeout?: number,
): H {
  let started: H | undefined;
  const harness = beforeAllValue(async () => (started = await start()), timeout);
  afterAll(() => started?.stop());
  return harness;
}
