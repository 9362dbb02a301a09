import type { IncomingMessage } from 'node:http';
import { ErrorCode, HTTP_STATUS } from '../../../../runtime/edge';

/** A subscription request over SSE, as sent. */
export interface SseRequest {
  query: string;
  variables?: unknown;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

/** A request this handler cannot read: the client's mistake, answered with `status`. */
export class SseRequestError extends Error {
  override name = 'SseRequestError';
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(
    message: string,
    readonly status = HTTP_STATUS.BAD_USER_INPUT,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new SseRequestError(`Request body is larger than ${limit} bytes.`, 413);
    chunks.push(chunk);
  }
  return parseJson(Buffer.concat(chunks).toString('utf8') || '{}', 'The request body');
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SseRequestError(`${what} is not valid JSON.`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** The request's fields, checked as HTTP checks them; variables are left to the operation check. */
function toRequest(value: unknown): SseRequest {
  if (!isObject(value)) throw new SseRequestError('The request body must be a JSON object.');
  const { query, variables, operationName, extensions } = value;
  if (typeof query !== 'string' || query === '') {
    throw new SseRequestError('The request needs a query, as a string.');
  }
  if (operationName != null && typeof operationName !== 'string') {
    throw new SseRequestError('operationName must be a string.');
  }
  if (extensions != null && !isObject(extensions)) {
    throw new SseRequestError('extensions must be an object.');
  }
  return {
    query,
    variables,
    operationName: operationName ?? undefined,
    extensions: extensions ?? undefined,
  };
}

/** The subscription request a GET (in its query string) or a POST (as JSON, up to `limit` bytes) sends. */
export async function readSseRequest(req: IncomingMessage, limit: number): Promise<SseRequest> {
  if (req.method === 'POST') return toRequest(await readJson(req, limit));
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const param = (name: string) => {
    const text = params.get(name);
    return text ? parseJson(text, `The ${name} parameter`) : undefined;
  };
  return toRequest({
    query: params.get('query') ?? '',
    variables: param('variables'),
    operationName: params.get('operationName') ?? undefined,
    extensions: param('extensions'),
  });
}
