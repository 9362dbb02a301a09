import { register } from 'prom-client';
import { PROBE_TIMEOUT_MS, watchConsumerLag } from '../src/metrics';

const never = () => new Promise<number>(() => undefined);

describe('probed gauges', () => {
  it('reports each answering probe and leaves out those that fail or hang', async () => {
    const unwatch = [
      watchConsumerLag('answers', async () => 7),
      watchConsumerLag('fails', async () => {
        throw new Error('NATS down');
      }),
      watchConsumerLag('hangs', never),
    ];
    const started = Date.now();
    const text = await register.getSingleMetricAsString('hr_consumer_pending');
    const elapsed = Date.now() - started;
    unwatch.forEach((stop) => stop());

    expect(text).toContain('hr_consumer_pending{consumer="answers"} 7');
    expect(text).not.toContain('consumer="fails"');
    expect(text).not.toContain('consumer="hangs"');
    // Several hanging probes cost one timeout, not one each.
    expect(elapsed).toBeLessThan(PROBE_TIMEOUT_MS * 3);
  });

  it('waits for several hanging probes together', async () => {
    const unwatch = ['a', 'b', 'c', 'd'].map((key) => watchConsumerLag(key, never));
    const started = Date.now();
    await register.getSingleMetricAsString('hr_consumer_pending');
    const elapsed = Date.now() - started;
    unwatch.forEach((stop) => stop());
    expect(elapsed).toBeLessThan(PROBE_TIMEOUT_MS * 3);
  });
});
