import { startSubgraph } from '../../test-support/startSubgraph';
import { pingSubgraph as ping } from './support/pingSubgraph';

describe('subgraph runtime', () => {
  it('leaves SIGINT and SIGTERM to the process that runs it', async () => {
    const before = ['SIGINT', 'SIGTERM'].map((signal) => process.listenerCount(signal));
    // Apollo adds its own signal handlers outside tests unless told not to.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const h = await startSubgraph(ping).finally(() => {
      process.env.NODE_ENV = nodeEnv;
    });
    try {
      expect((await h.gql('{ ping }')).data).toEqual({ ping: 'pong' });
      const after = ['SIGINT', 'SIGTERM'].map((signal) => process.listenerCount(signal));
      expect(after).toEqual(before);
    } finally {
      await h.stop();
    }
  });
});
