import { waitFor } from './waitFor';

/** A platform served on `url` (its gateway's /graphql). */
interface Served {
  url: string;
}

/** The sum of every series of a gauge on the gateway's /metrics. */
export async function gaugeSum(tp: Served, name: string): Promise<number> {
  const text = await (await fetch(tp.url.replace('/graphql', '/metrics'))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

/** Waits until every event is published and handled, so nothing more is on its way. */
export const whenSettled = (tp: Served, timeoutMs = 60_000) =>
  waitFor(
    async () => {
      const busy =
        (await gaugeSum(tp, 'hr_outbox_backlog')) + (await gaugeSum(tp, 'hr_consumer_pending'));
      return busy === 0 ? true : undefined;
    },
    timeoutMs,
    250,
  );
