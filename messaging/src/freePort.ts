import fs from 'node:fs';
import net from 'node:net';

/** Below this, ports are left to well-known and registered services. */
const LOWEST = 20_000;
const TRIES = 20;

/** The kernel's range for ports it assigns itself (Linux), if it can be read. */
function ephemeralRange(): [number, number] | undefined {
  try {
    const text = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
    const [low, high] = text.trim().split(/\s+/).map(Number);
    return low && high ? [low, high] : undefined;
  } catch {
    return undefined;
  }
}

/** Binds `port` (0: any) on the loopback interface and releases it: the port, or none if taken. */
function bindsAt(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A loopback port that is free now, for a process about to be started on it. It is picked
 * below the kernel's ephemeral range where there is room: a port in that range, once
 * released, can be taken by any outgoing connection or port-0 listener before the process
 * binds it; below it only an explicit bind competes. Otherwise, one the kernel assigns.
 */
export async function freePort(): Promise<number> {
  const range = ephemeralRange();
  const room = (range ? range[0] : 0) - LOWEST;
  for (let i = 0; room > 1_000 && i < TRIES; i++) {
    const port = await bindsAt(LOWEST + Math.floor(Math.random() * room));
    if (port) return port;
  }
  const port = await bindsAt(0);
  if (!port) throw new Error('no free loopback port');
  return port;
}
