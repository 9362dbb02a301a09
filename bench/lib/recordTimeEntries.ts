import { contractOperation } from '../../test-support/contractOperation';
import type { Call } from './graphqlCall';

/** An employee and their own token. */
export interface Recorder {
  id: string;
  token: string;
}

export interface RecordedLoad {
  /** Entries sent. */
  total: number;
  errors: number;
  /** From the first send to the last, in seconds. */
  sentSeconds: number;
  /** From the first send to the last answer, in seconds. */
  answeredSeconds: number;
  /** How long each successful mutation took to answer, ascending, in milliseconds. */
  answers: number[];
  /** Each successful mutation's send, from the first send, and its answer, in send order (ms). */
  timeline: { sentAt: number; answer: number }[];
  /** The first failure's message, when there was one. */
  firstError?: string;
  /** `performance.now()` when the last mutation answered. */
  endedAt: number;
}

/** An employee's `slot`-th entry: a one-hour shift, two hours after their previous one. */
export function entryInput(employeeId: string, slot: number) {
  const start = new Date(Date.UTC(2025, 3, 1) + slot * 2 * 3600_000);
  return {
    employeeId,
    periodType: 'SHIFT',
    startTime: start.toISOString(),
    endTime: new Date(start.getTime() + 3600_000).toISOString(),
    mealBreakMinutes: 0,
  };
}

/**
 * Records time entries through the gateway, the recorders in turn, each as themselves, at a
 * steady `rate` per second for `durationMs` (an open loop: a slow answer does not delay the
 * next send). Each recorder's entries take their slots from `firstSlot` (0) on, so a second
 * load after a first one starts past the slots it took.
 * `onRecorded` gets each answered entry's correlation id, the `performance.now()` its
 * mutation started at, and its employee.
 */
export async function recordTimeEntries(
  gql: Call,
  recorders: Recorder[],
  load: { rate: number; durationMs: number; firstSlot?: number },
  onRecorded: (correlationId: string, startedAt: number, employeeId: string) => void,
): Promise<RecordedLoad> {
  const total = Math.round((load.rate * load.durationMs) / 1000);
  const timeline: RecordedLoad['timeline'] = [];
  let firstError: string | undefined;
  const pending: Promise<void>[] = [];
  let errors = 0;
  const begun = performance.now();
  for (let n = 0; n < total; n++) {
    const wait = begun + (n * 1000) / load.rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const recorder = recorders[n % recorders.length]!;
    const input = entryInput(recorder.id, (load.firstSlot ?? 0) + Math.floor(n / recorders.length));
    const t0 = performance.now();
    pending.push(
      gql(contractOperation('RecordTimeEntry'), { input }, recorder.token).then(
        (data) => {
          timeline.push({ sentAt: t0 - begun, answer: performance.now() - t0 });
          onRecorded(data.recordTimeEntry.correlationId as string, t0, recorder.id);
        },
        (error: unknown) => {
          errors += 1;
          firstError ??= String(error).slice(0, 300);
        },
      ),
    );
  }
  const sentSeconds = (performance.now() - begun) / 1000;
  await Promise.all(pending);
  const endedAt = performance.now();
  timeline.sort((a, b) => a.sentAt - b.sentAt);
  const answers = timeline.map((t) => t.answer).sort((a, b) => a - b);
  return {
    total,
    errors,
    sentSeconds,
    answeredSeconds: (endedAt - begun) / 1000,
    answers,
    timeline,
    endedAt,
    ...(firstError === undefined ? {} : { firstError }),
  };
}
