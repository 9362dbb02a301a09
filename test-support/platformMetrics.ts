import { waitFor } from './waitFor';

/** A platform served on `url` (its gateway's /graphql). */
interface Served {
  url: string;
}

/** Every series of the gauges `names` on the gateway's /metrics, by series. */
async function gaugeSeries(tp: Served, names: string[]): Promise<Map<string, number>> {
  const text = await (await fetch(tp.url.replace('/graphql', '/metrics'))).text();
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!names.some((name) => line.startsWith(`${name}{`))) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

/**
 * Waits until every event is published and handled, so nothing more is on its way. A probe
 * that does not answer in time leaves its series out of a scrape, and a missing series is not
 * a zero: every series seen so far must be there, at zero, in two scrapes in a row.
 */
export function whenSettled(tp: Served, timeoutMs = 60_000) {
  const seen = new Set<string>();
  let quietScrapes = 0;
  return waitFor(
    async () => {
      const series = await gaugeSeries(tp, ['hr_outbox_backlog', 'hr_consumer_pending']);
      series.forEach((_, key) => seen.add(key));
      const quiet = [...seen].every((key) => series.get(key) === 0);
      quietScrapes = quiet ? quietScrapes + 1 : 0;
      return quietScrapes >= 2 ? true : undefined;
    },
    timeoutMs,
    250,
  );
}
