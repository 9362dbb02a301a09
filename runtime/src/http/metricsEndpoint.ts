import crypto from 'node:crypto';
import type http from 'node:http';
import {
  AggregatorRegistry,
  type MetricObjectWithValues,
  type MetricValue,
  type Registry,
} from 'prom-client';
import type { AppConfig } from '../config';
import { createHttpServer, sendError, HttpError, type RouteHandler } from './createHttpServer';

/** Where a process serves its Prometheus metrics (`/metrics`). */
export interface MetricsEndpointOptions {
  /**
   * Serve `/metrics` on a listener of its own on this port, for the scraper alone,
   * and not on the public listener.
   */
  port?: number;
  /** Bearer token `/metrics` asks for, wherever it is served. */
  token?: string;
  /**
   * Serve `/metrics` on the public listener without a token (development). Without
   * a port, a token or this, the public listener does not serve it at all.
   */
  open?: boolean;
  /**
   * Other processes' metrics, served with this one's: all-in-one's second process. Added up
   * by prom-client's aggregator, as a cluster's workers are; a process that cannot answer
   * gives none.
   */
  others?: () => Promise<ProcessMetrics[]>;
}

/** One process's metrics, as prom-client's `getMetricsAsJSON` gives them. */
export type ProcessMetrics = MetricObjectWithValues<MetricValue<string>>[];

/**
 * From the configuration: `METRICS_PORT`, `METRICS_TOKEN`, and open on the public
 * listener outside production only.
 */
export function metricsEndpointOf(
  config: Pick<AppConfig, 'METRICS_PORT' | 'METRICS_TOKEN' | 'NODE_ENV'>,
): MetricsEndpointOptions {
  return {
    port: config.METRICS_PORT,
    token: config.METRICS_TOKEN,
    open: config.NODE_ENV !== 'production',
  };
}

const digest = (text: string) => crypto.createHash('sha256').update(text).digest();

/** The registry's metrics as Prometheus text, with those of `others` added. */
async function metricsText(
  registry: Registry,
  others: MetricsEndpointOptions['others'],
): Promise<string> {
  if (!others) return registry.metrics();
  const all = [await registry.getMetricsAsJSON(), ...(await others())];
  return AggregatorRegistry.aggregate(all).metrics();
}

/** Serves the registry's metrics, to callers with the token when there is one. */
export function metricsRoute(
  registry: Registry,
  token?: string,
  others?: MetricsEndpointOptions['others'],
): RouteHandler {
  // Digests have one length, so the comparison takes the same time whatever was sent.
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  return async (req, res) => {
    if (expected && !crypto.timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.setHeader('www-authenticate', 'Bearer');
      return sendError(
        res,
        new HttpError(401, 'A valid metrics token is required.', 'UNAUTHENTICATED'),
      );
    }
    const text = await metricsText(registry, others);
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(text);
  };
}

/** The `/metrics` route of the public listener, if it serves one. */
export function publicMetricsRoutes(
  endpoint: MetricsEndpointOptions,
  registry: Registry,
): Record<string, RouteHandler> {
  if (endpoint.port !== undefined) return {};
  if (endpoint.token === undefined && !endpoint.open) return {};
  return { '/metrics': metricsRoute(registry, endpoint.token, endpoint.others) };
}

/** The listener of its own for `/metrics` (and health checks), when a port is given. */
export function createMetricsServer(
  endpoint: MetricsEndpointOptions,
  registry: Registry,
): http.Server | undefined {
  if (endpoint.port === undefined) return undefined;
  const route = metricsRoute(registry, endpoint.token, endpoint.others);
  return createHttpServer({ routes: { '/metrics': route } });
}
