/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Waits until `count` reaches `total`, failing only when it stops growing for `stallMs`: a
 * busy machine applies a backlog slowly, a stuck consumer not at all.
 */
export async function waitForAll(
  what: string,
  count: () => number | Promise<number>,
  total: number,
  stallMs = 20_000,
): Promise<void> {
  let last = -1;
  let since = Date.now();
  for (let now = await count(); now < total; now = await count()) {
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since > stallMs)
      throw new Error(`Stalled at ${now} of ${total} waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
