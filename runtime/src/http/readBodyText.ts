import type { IncomingMessage } from 'node:http';

/**
 * The request body as text, at most `limit` bytes. A larger one rejects with `tooLarge()`
 * (at once when Content-Length says so); the rest is still read and dropped, since
 * destroying the socket would lose the answer that says why.
 */
export function readBodyText(
  req: IncomingMessage,
  limit: number,
  tooLarge: () => Error,
): Promise<string> {
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
