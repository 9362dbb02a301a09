import { listen } from '../../../runtime/edge';
import type { GatewayParts, GatewayState } from './GatewayParts';

/** Starts Apollo (loading the supergraph) and the rate limits once, then listens; resolves with the port. */
export async function listenGateway(
  parts: GatewayParts,
  state: GatewayState,
  port: number,
  host: string,
): Promise<number> {
  state.started ??= Promise.all([parts.apollo.start(), parts.rateLimiting?.start()]).then(() => {
    state.running = true;
  });
  await state.started;
  if (parts.metricsServer) await listen(parts.metricsServer, parts.metricsPort!, host);
  return listen(parts.httpServer, port, host);
}
