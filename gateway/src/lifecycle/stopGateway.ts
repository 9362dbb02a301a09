import { close } from '../../../runtime/edge';
import type { GatewayParts, GatewayState } from './GatewayParts';

/** Stops taking requests, lets in-flight ones finish, then stops Apollo and what it used. */
export async function stopGateway(parts: GatewayParts, state: GatewayState): Promise<void> {
  state.running = false;
  // Open sockets and streams would keep the HTTP server from closing.
  await parts.subscriptions?.close();
  if (parts.httpServer.listening) await close(parts.httpServer);
  if (parts.metricsServer?.listening) await close(parts.metricsServer);
  if (state.apolloStarting) await parts.apollo.stop();
  await parts.rateLimiting?.close();
  parts.fetcher.destroy();
}
