/** A sleep that ends early when something calls `wake()`; for polling loops that can be nudged. */
export interface Wakeup {
  /** Resolves after `ms`, or at once if woken since the last wait. */
  wait(ms: number): Promise<void>;
  wake(): void;
}

export function createWakeup(): Wakeup {
  let woken = false;
  let release: (() => void) | undefined;
  return {
    wait(ms) {
      if (woken) {
        woken = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          release = undefined;
          woken = false;
          resolve();
        }
        release = done;
      });
    },
    wake() {
      woken = true;
      release?.();
    },
  };
}

/** Exponential backoff: `baseMs` doubled per failure, capped at `maxMs`. */
export const backoffMs = (failures: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
