import { z } from 'zod';

// The settings of the edge where clients arrive: rate limits, sockets, CORS, metrics.
// Limits left unset take the gateway's defaults (docs/rate-limits.md lists them).

const positive = z.coerce.number().int().positive();
const port = z.coerce.number().int().min(0).max(65535);

/** `https://hr.example.org`: scheme, host and port only, as browsers send `Origin`. */
const origin = z.string().refine((value) => {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'must be exact origins such as https://hr.example.org, comma separated');

const quota = z.object({ requests: positive.optional(), cost: positive.optional() }).strict();

const partnerQuotas = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), quota));

export const edgeSchema = z.object({
  /** Proxies in front of the gateway whose X-Forwarded-For entries are believed (0: none). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Browser origins allowed to call the gateway, comma separated; none by default. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  /** A listener of its own for /metrics; then the public one does not serve it. */
  METRICS_PORT: port.optional(),
  /** Bearer token /metrics asks for. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Where rate-limit counters live (default: postgres with DATABASE_URL, else memory). */
  RATE_LIMIT_STORE: z.enum(['memory', 'postgres']).optional(),
  RATE_LIMIT_WINDOW_SECONDS: positive.optional(),
  RATE_LIMIT_REQUESTS: positive.optional(),
  RATE_LIMIT_COST: positive.optional(),
  RATE_LIMIT_PARTNER_REQUESTS: positive.optional(),
  RATE_LIMIT_PARTNER_COST: positive.optional(),
  /** Per partner client: `{"<client id>": {"requests": 600, "cost": 400000}}`. */
  RATE_LIMIT_PARTNER_QUOTAS: partnerQuotas.optional(),
  RATE_LIMIT_ADDRESS_REQUESTS: positive.optional(),
  RATE_LIMIT_ADDRESS_COST: positive.optional(),
  RATE_LIMIT_AUTH_FAILURES: positive.optional(),
  RATE_LIMIT_AUTH_WINDOW_SECONDS: positive.optional(),
  RATE_LIMIT_AUTH_BLOCK_SECONDS: positive.optional(),
  WS_MAX_SOCKETS_PER_ADDRESS: positive.optional(),
  WS_MAX_UNINITIALISED_PER_ADDRESS: positive.optional(),
  WS_MAX_UNINITIALISED: positive.optional(),
});

type EdgeRaw = z.infer<typeof edgeSchema> & { DATABASE_URL?: string; PORT: number };

/** Checks between variables; each problem names its variable. */
export function checkEdge(raw: EdgeRaw, ctx: z.RefinementCtx): void {
  if (raw.RATE_LIMIT_STORE === 'postgres' && !raw.DATABASE_URL) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['RATE_LIMIT_STORE'],
      message: 'postgres needs DATABASE_URL',
    });
  }
  if (raw.METRICS_PORT !== undefined && raw.METRICS_PORT !== 0 && raw.METRICS_PORT === raw.PORT) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['METRICS_PORT'],
      message: 'must differ from PORT',
    });
  }
}

/** The store rate-limit counters live in: shared through PostgreSQL when there is one. */
export const rateLimitStoreOf = (config: Pick<EdgeRaw, 'RATE_LIMIT_STORE' | 'DATABASE_URL'>) =>
  config.RATE_LIMIT_STORE ?? (config.DATABASE_URL ? 'postgres' : 'memory');
