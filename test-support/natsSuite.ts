import { closeNats, connectNats, type NatsClients } from '../messaging';
import { TEST_NATS_URL } from './createTestPlatform';
import { suiteHarness } from './suiteHarness';

/**
 * A connection of the suite's own to the test NATS, named `name` on the server, open before
 * its tests and closed after them (see suiteHarness): for publishing as a domain would.
 */
export function natsSuite(name: string): NatsClients {
  return suiteHarness(async () => {
    const clients = await connectNats({ servers: TEST_NATS_URL, name });
    return { ...clients, stop: () => closeNats(clients.nc) };
  });
}
