import { closeNats, connectNats, type NatsClients } from '../../messaging';
import { TEST_NATS_URL } from '../../test-support/createTestPlatform';

/** Runs a benchmark's `main`; a failure prints its error and exits 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * Runs `measure` with a NATS connection (`name` is the connection's name) and prints the
 * lines of figures it returns; the connection is closed either way.
 */
export async function measureWithNats(
  name: string,
  measure: (nats: NatsClients) => Promise<string[]>,
  servers: string | string[] = TEST_NATS_URL,
): Promise<void> {
  const nats = await connectNats({ servers, name });
  try {
    console.log((await measure(nats)).join('\n'));
  } finally {
    await closeNats(nats.nc);
  }
}
