import { freePort } from '../../../messaging';

/**
 * One free loopback port per name. The second process listens on them, and again on the same
 * ones after a restart, so the gateway's subgraph URLs never change.
 */
export async function reservePorts(names: readonly string[]): Promise<Record<string, number>> {
  const ports: Record<string, number> = {};
  for (const name of names) ports[name] = await freePort();
  return ports;
}
