import type { HeaderMap } from '@apollo/server';
import { validId, validTraceparent } from '../http/requestIds';
import { currentTraceparent } from '../traceContext';

/** A request's headers by lower-case name, as a runtime receives them in-process. */
export type RequestHeaders = Record<string, string | undefined>;

export function headersOf(map: HeaderMap): RequestHeaders {
  return Object.fromEntries(map.entries());
}

/** The ids a request says it carries (new ones when missing or malformed). */
export interface RequestIds {
  requestId: string;
  correlationId: string;
  /** The request's span when there is one, so what it records continues its trace. */
  traceparent?: string;
}

export function requestIds(headers: RequestHeaders): RequestIds {
  const requestId = validId(headers['x-request-id']);
  const correlationId = validId(headers['x-correlation-id']);
  const traceparent = currentTraceparent() ?? validTraceparent(headers.traceparent);
  return { requestId, correlationId, traceparent };
}
