import http from 'node:http';

/** An answer's status and body. */
export interface PostAnswer {
  status: number;
  text: string;
}

/** POSTs `body` over `agent` (keep-alive, bounded sockets) and reads the whole answer. */
export function httpPost(
  agent: http.Agent,
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
