import type { Wakeup } from '../wakeup';

/** What the parts of one consumer share: whether it runs, and the pause a stop ends. */
export interface ConsumerState {
  running: boolean;
  stopping: Wakeup;
}
