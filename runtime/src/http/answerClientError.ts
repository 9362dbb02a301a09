import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** What Node's HTTP parser or its request timer refused, as status and message. */
const REFUSALS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request did not arrive in time; send it again.'],
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large.'],
};
const NOT_HTTP: [number, string] = [400, 'The request is not well-formed HTTP/1.1.'];

/**
 * The answer to a request Node refused before any handler saw it (a malformed request, headers
 * too large, a request not received within `requestTimeout`), in the same JSON shape and code
 * as every other refusal. Written straight to the socket, since there is no response object;
 * nothing is written where an answer has begun already (a 413 sent while the body still came).
 */
export function answerClientError(
  error: Error & { code?: string },
  socket: Duplex,
  answerBegun: boolean,
): void {
  if (!socket.writable || answerBegun || error.code === 'ECONNRESET') return void socket.destroy();
  const [status, message] = REFUSALS[error.code ?? ''] ?? NOT_HTTP;
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
