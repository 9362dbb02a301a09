import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  accessLineWanted,
  writeAccessLine,
  type AccessFacts,
  type AccessLogOptions,
} from './writeAccessLine';

const MAX_PATH = 200;

// The facts of an HTTP request, filled in by whoever learns them (the GraphQL plugin, a
// route) and written by the HTTP server when the response ends.
const factsOfRequest = new WeakMap<object, AccessFacts>();

/** The facts of an HTTP request (an IncomingMessage, or the GraphQL request made from one). */
export const accessFactsOf = (request: object): AccessFacts | undefined =>
  factsOfRequest.get(request);

/** Lets `alias` (e.g. the GraphQL request read from `request`) fill in `request`'s facts. */
export function shareAccessFacts(request: object, alias: object): void {
  const facts = factsOfRequest.get(request);
  if (facts) factsOfRequest.set(alias, facts);
}

/** Adds what was learnt about an HTTP request (its caller, its ids) to its access line. */
export function noteAccess(request: object, facts: AccessFacts): void {
  const known = factsOfRequest.get(request);
  if (known) Object.assign(known, facts);
}

function pathOf(url: string | undefined): string {
  // The query string is left out: it may hold personal data.
  const pathname = (url ?? '/').split('?')[0];
  return pathname.length > MAX_PATH ? `${pathname.slice(0, MAX_PATH)}…` : pathname;
}

export interface HttpAccessLog {
  /** Writes the request's access line when its response ends. */
  track(req: IncomingMessage, res: ServerResponse): void;
  /** Logs an error the server did not expect, with its stack. */
  fault(req: IncomingMessage, error: unknown): void;
}

/** The access log of an HTTP server: one line per request, GraphQL or plain route. */
export function createHttpAccessLog(options: AccessLogOptions): HttpAccessLog {
  const logger = options.logger.child({ service: options.service });
  return {
    track(req, res) {
      const startedAt = performance.now();
      const facts: AccessFacts = {};
      factsOfRequest.set(req, facts);
      res.once('close', () => {
        if (!accessLineWanted(logger, res.statusCode, facts.errors)) return;
        writeAccessLine(logger, {
          ...facts,
          method: req.method,
          path: pathOf(req.url),
          status: res.statusCode,
          ...(!res.writableFinished && { aborted: true }),
          durationMs: performance.now() - startedAt,
        });
      });
    },
    fault(req, error) {
      const { requestId, correlationId } = factsOfRequest.get(req) ?? {};
      logger.error(
        { err: error, requestId, correlationId, path: pathOf(req.url) },
        'unexpected error',
      );
    },
  };
}
