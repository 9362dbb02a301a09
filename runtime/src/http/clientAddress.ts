import type { IncomingMessage } from 'node:http';
import net from 'node:net';

/** The address a request comes from, as limits per address count it. */
export type ClientAddress = (req: IncomingMessage) => string;

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** One spelling per address: an IPv4 peer seen on a dual-stack socket counts as itself. */
const normalise = (address: string) => MAPPED_IPV4.exec(address)?.[1] ?? address.toLowerCase();

/**
 * The address a request comes from: the socket's peer, or, behind `trustProxyHops`
 * proxies that each append the address they were called from to `X-Forwarded-For`,
 * the entry that many hops back. Entries further left are written by the client and
 * prove nothing, so they are never taken while the trusted hops cover them; a value
 * that is not an IP address is not taken either.
 */
export function createClientAddress(trustProxyHops = 0): ClientAddress {
  return (req) => {
    const peer = normalise(req.socket.remoteAddress ?? 'unknown');
    if (trustProxyHops <= 0) return peer;
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Hop 0 is the peer (the nearest proxy); hop n is the n-th entry from the right.
    const hops = [peer, ...forwarded.reverse()];
    const candidate = hops[Math.min(trustProxyHops, hops.length - 1)]!;
    return net.isIP(candidate) ? normalise(candidate) : peer;
  };
}
