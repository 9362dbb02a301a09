import fs from 'node:fs';
import { z } from 'zod';
import type { NatsAuth, NatsOptions, NatsTls, StreamOptions } from '../../messaging';
import { ConfigError } from './configError';

// How the platform reaches NATS (servers, credentials, TLS), how its streams are kept, and
// how long published outbox rows stay to be republished (docs/nats.md).

/** `host:port`, `nats://host:port` or `tls://host:port`, credentials in the URL allowed. */
function isServer(entry: string): boolean {
  if (!entry.includes('://')) return /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(entry);
  try {
    const url = new URL(entry);
    return ['nats:', 'tls:'].includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

const servers = z
  .string()
  .min(1)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.string().refine(isServer, 'must be host:port or nats:// or tls:// URLs, comma separated'),
      )
      .min(1),
  );

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** Bytes, or with a binary unit: `500M`, `20G`, `1T`. */
const size = z
  .string()
  .regex(/^\d+\s*[KMGT]?B?$/i, 'must be a size such as 1073741824, 500M or 20G')
  .transform((v) => {
    const [, digits, unit] = /^(\d+)\s*([KMGT]?)/i.exec(v)!;
    return Number(digits) * UNITS[unit.toUpperCase()];
  })
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

const file = z.string().min(1);
const DAY_MS = 24 * 3600_000;
const days = z.coerce.number().int().positive();

export const natsSchema = z.object({
  /** NATS with JetStream, one server or a cluster's, comma separated; when absent all-in-one starts a nats-server found on PATH. */
  NATS_URL: servers.optional(),
  /** User and password NATS knows the platform by (both or neither). */
  NATS_USER: z.string().min(1).optional(),
  NATS_PASSWORD: z.string().min(1).optional(),
  /** A token instead of a user. */
  NATS_TOKEN: z.string().min(1).optional(),
  /** A `.creds` file (user JWT and NKey seed) for a server with decentralised accounts. */
  NATS_CREDS_FILE: file.optional(),
  /** The CA that signed the servers' certificates, when it is not a public one. */
  NATS_TLS_CA_FILE: file.optional(),
  /** The platform's client certificate and key, for servers that verify clients (both or neither). */
  NATS_TLS_CERT_FILE: file.optional(),
  NATS_TLS_KEY_FILE: file.optional(),
  /** Copies JetStream keeps of each stream: 1, or 3 or 5 in a cluster (production: 3). */
  NATS_STREAM_REPLICAS: z.enum(['1', '3', '5']).default('1').transform(Number),
  /** Events older than this many days leave the events stream (default: kept until NATS_STREAM_MAX_BYTES). */
  NATS_STREAM_MAX_AGE_DAYS: days.optional(),
  /** The most the events stream holds, e.g. 20G; the oldest events go first (default: no bound). */
  NATS_STREAM_MAX_BYTES: size.optional(),
  /** Days published outbox rows stay, to republish from (default 30, or NATS_STREAM_MAX_AGE_DAYS if longer). */
  OUTBOX_RETENTION_DAYS: days.optional(),
  /**
   * Days a consumer's inbox row stays after its event was made: past what the stream and the
   * outboxes may send again (default: a day past that when the stream has an age; else kept).
   */
  INBOX_RETENTION_DAYS: days.optional(),
});

export type NatsRaw = z.infer<typeof natsSchema>;

const issue = (ctx: z.RefinementCtx, variable: string, message: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: [variable], message });

/** Checks between variables; each problem names its variable. */
export function checkNats(raw: NatsRaw, ctx: z.RefinementCtx): void {
  if (raw.NATS_USER && !raw.NATS_PASSWORD) issue(ctx, 'NATS_PASSWORD', 'NATS_USER needs it');
  if (raw.NATS_PASSWORD && !raw.NATS_USER) issue(ctx, 'NATS_USER', 'NATS_PASSWORD needs it');
  const methods = [
    ['NATS_USER', raw.NATS_USER],
    ['NATS_TOKEN', raw.NATS_TOKEN],
    ['NATS_CREDS_FILE', raw.NATS_CREDS_FILE],
  ].filter(([, value]) => value !== undefined);
  if (methods.length > 1) {
    issue(
      ctx,
      methods[1][0]!,
      `set one of NATS_USER, NATS_TOKEN or NATS_CREDS_FILE, not both ${methods[0][0]} and ${methods[1][0]}`,
    );
  }
  if (raw.NATS_TLS_CERT_FILE && !raw.NATS_TLS_KEY_FILE)
    issue(ctx, 'NATS_TLS_KEY_FILE', 'NATS_TLS_CERT_FILE needs it');
  if (raw.NATS_TLS_KEY_FILE && !raw.NATS_TLS_CERT_FILE)
    issue(ctx, 'NATS_TLS_CERT_FILE', 'NATS_TLS_KEY_FILE needs it');
  checkInboxRetention(raw, ctx);
}

/** The days an event may still come again: from the stream, or republished from an outbox. */
const replayableDaysOf = (config: NatsRaw): number =>
  Math.max(outboxRetentionDaysOf(config), config.NATS_STREAM_MAX_AGE_DAYS ?? 0);

// An inbox row pruned while its event may still come again would let that copy apply twice.
function checkInboxRetention(raw: NatsRaw, ctx: z.RefinementCtx): void {
  const days = raw.INBOX_RETENTION_DAYS;
  if (days === undefined) return;
  if (raw.NATS_STREAM_MAX_AGE_DAYS === undefined)
    issue(
      ctx,
      'INBOX_RETENTION_DAYS',
      'needs NATS_STREAM_MAX_AGE_DAYS: a stream without an age keeps every event, and a consumer made again reads them all',
    );
  else if (days <= replayableDaysOf(raw))
    issue(
      ctx,
      'INBOX_RETENTION_DAYS',
      `must be more than ${replayableDaysOf(raw)}: the stream or the outboxes may send an event again until then`,
    );
}

/** Days published outbox rows are kept: as set, else 30 days or the stream's age if longer. */
export const outboxRetentionDaysOf = (config: NatsRaw): number =>
  config.OUTBOX_RETENTION_DAYS ?? Math.max(30, config.NATS_STREAM_MAX_AGE_DAYS ?? 0);

/** A file the configuration names must be readable at start, not at the first reconnect. */
function readable(variable: string, path: string): string {
  try {
    fs.accessSync(path, fs.constants.R_OK);
    return path;
  } catch (cause) {
    throw new ConfigError(`Invalid configuration: ${variable}: cannot read ${path}`, { cause });
  }
}

/** What the TLS variables ask for; undefined without any of them (TLS only if the server asks). */
function tlsOf(config: NatsRaw): NatsTls | undefined {
  const { NATS_TLS_CA_FILE: ca, NATS_TLS_CERT_FILE: cert, NATS_TLS_KEY_FILE: key } = config;
  if (!ca && !cert) return undefined;
  return {
    ...(ca && { caFile: readable('NATS_TLS_CA_FILE', ca) }),
    ...(cert && { certFile: readable('NATS_TLS_CERT_FILE', cert) }),
    ...(key && { keyFile: readable('NATS_TLS_KEY_FILE', key) }),
  };
}

function authOf(config: NatsRaw): NatsAuth | undefined {
  if (config.NATS_USER) return { user: config.NATS_USER, password: config.NATS_PASSWORD! };
  if (config.NATS_TOKEN) return { token: config.NATS_TOKEN };
  if (config.NATS_CREDS_FILE)
    return { creds: fs.readFileSync(readable('NATS_CREDS_FILE', config.NATS_CREDS_FILE)) };
  return undefined;
}

/**
 * The servers, credentials and TLS of every connection the platform makes to NATS; reads the
 * files named, so a missing one stops the start with a ConfigError naming its variable.
 */
export function natsConnectionOf(
  config: NatsRaw,
): Pick<NatsOptions, 'auth' | 'tls'> & { servers: string[] } {
  return { servers: config.NATS_URL ?? [], auth: authOf(config), tls: tlsOf(config) };
}

/** The streams' replicas and limits (ensureStreams). */
export const streamOptionsOf = (config: NatsRaw): StreamOptions => ({
  replicas: config.NATS_STREAM_REPLICAS,
  maxAgeMs: config.NATS_STREAM_MAX_AGE_DAYS && config.NATS_STREAM_MAX_AGE_DAYS * DAY_MS,
  maxBytes: config.NATS_STREAM_MAX_BYTES,
});

/**
 * Days inbox rows stay after their event was made: as set, else a day past what the stream
 * and outboxes may send again; undefined (kept for ever) while the stream has no age.
 */
export function inboxRetentionDaysOf(config: NatsRaw): number | undefined {
  if (config.INBOX_RETENTION_DAYS !== undefined) return config.INBOX_RETENTION_DAYS;
  if (config.NATS_STREAM_MAX_AGE_DAYS === undefined) return undefined;
  return replayableDaysOf(config) + 1;
}

/** How long inbox rows stay after their event was made; undefined: for ever. */
export const inboxKeepMsOf = (config: NatsRaw): number | undefined => {
  const days = inboxRetentionDaysOf(config);
  return days === undefined ? undefined : days * DAY_MS;
};

/** How long the outbox relay keeps published rows. */
export const outboxKeepSentMsOf = (config: NatsRaw): number =>
  outboxRetentionDaysOf(config) * DAY_MS;

/**
 * The NATS part of the configuration alone, for commands that need nothing else (e.g.
 * dead-letters): the same checks as loadConfig.
 */
export function loadNatsConfig(env: NodeJS.ProcessEnv = process.env): NatsRaw {
  const result = natsSchema.superRefine(checkNats).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
