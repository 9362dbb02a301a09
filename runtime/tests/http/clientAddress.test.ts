import type { IncomingMessage } from 'node:http';
import { createClientAddress } from '../../src/http/clientAddress';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('createClientAddress', () => {
  it('takes the socket peer, whatever X-Forwarded-For says, when no proxy is trusted', () => {
    const address = createClientAddress(0);
    expect(address(request('198.51.100.7', '203.0.113.1'))).toBe('198.51.100.7');
    expect(address(request('::ffff:198.51.100.7'))).toBe('198.51.100.7');
  });

  it('takes the entry the trusted proxies wrote, not those the client sent before them', () => {
    const address = createClientAddress(1);
    // The client sent "1.2.3.4"; the proxy appended the address it saw.
    expect(address(request('10.0.0.2', '1.2.3.4, 203.0.113.9'))).toBe('203.0.113.9');
    expect(createClientAddress(2)(request('10.0.0.2', '203.0.113.9, 10.0.0.3'))).toBe(
      '203.0.113.9',
    );
  });

  it('falls back to the peer when the header is missing or is not an address', () => {
    const address = createClientAddress(1);
    expect(address(request('10.0.0.2'))).toBe('10.0.0.2');
    expect(address(request('10.0.0.2', 'x'.repeat(500)))).toBe('10.0.0.2');
  });
});
