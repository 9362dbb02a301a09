import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { close, listen, LISTEN_BACKLOG } from '../../src/http/createHttpServer';

/** The accept queue the kernel gave a listening TCP port: `ss` shows it as Send-Q. */
function acceptQueueOf(port: number): number {
  const line = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' }).trim();
  const [, , sendQ] = line.split(/\s+/);
  return Number(sendQ);
}

describe('listen', () => {
  it('asks for a deep accept queue, so a burst of new connections waits instead of being dropped', async () => {
    const server = http.createServer();
    const port = await listen(server, 0, '127.0.0.1');
    try {
      const cap = Number(fs.readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
      expect(acceptQueueOf(port)).toBe(Math.min(LISTEN_BACKLOG, cap));
      // Node's own default, which the platform used to get.
      expect(acceptQueueOf(port)).toBeGreaterThan(511);
    } finally {
      await close(server);
    }
  });
});
