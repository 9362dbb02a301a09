import net from 'node:net';

/** Listening sockets on the loopback interface, by subgraph name. */
export type HeldPorts = Record<string, net.Server>;

function holdOne(port: number): Promise<net.Server> {
  // Held, not served: a call that comes before the second process takes the socket over
  // is reset at once (a plain close leaves fetch waiting).
  const server = net.createServer({ pauseOnConnect: true }, (socket) => socket.resetAndDestroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Binds one loopback port per name (`ports`' own, or a free one) and keeps it bound until
 * the sockets are handed to the second process. A port found free and released would be
 * open to anyone (any outgoing connection's local port, too) while that process starts.
 */
export async function holdPorts(
  names: readonly string[],
  ports: Record<string, number> = {},
): Promise<HeldPorts> {
  const held: HeldPorts = {};
  try {
    for (const name of names) held[name] = await holdOne(ports[name] ?? 0);
  } catch (error) {
    releasePorts(held);
    throw error;
  }
  return held;
}

/** The port each held socket is bound to, by name. */
export function portsOf(held: HeldPorts): Record<string, number> {
  return Object.fromEntries(
    Object.entries(held).map(([name, server]) => [
      name,
      (server.address() as net.AddressInfo).port,
    ]),
  );
}

/** Closes this process's copies; a process they were handed to keeps listening on its own. */
export function releasePorts(held: HeldPorts): void {
  for (const server of Object.values(held)) server.close();
}
