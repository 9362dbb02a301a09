/**
 * A call's deadline. A plain callback rather than an AbortSignal: the first
 * listener on a fresh AbortSignal costs several microseconds in Node 20
 * (cockatiel's timeout adds one per call), and this is paid on every subgraph call.
 */
export interface Deadline {
  /** True once the deadline has passed. */
  readonly expired: boolean;
  /** Gives the call its way to give up, run when the deadline passes (one per call). */
  onExpired(stop: () => void): void;
}

/**
 * Runs `call` within `ms`: when they pass, the call is told to stop and the
 * answer is `expired()`'s error at once, whatever the call does.
 */
export function withDeadline<T>(
  ms: number,
  call: (deadline: Deadline) => Promise<T>,
  expired: () => Error,
): Promise<T> {
  let stop: (() => void) | undefined;
  const deadline = {
    expired: false,
    onExpired(callback: () => void) {
      stop = callback;
    },
  };
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      deadline.expired = true;
      stop?.();
      reject(expired());
    }, ms);
    call(deadline).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
