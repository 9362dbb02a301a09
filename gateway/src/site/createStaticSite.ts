import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StaticSiteOptions {
  /** The built site, e.g. `web/dist`: its `index.html` answers every app route. */
  dir: string;
  /**
   * An HTML file inside `dir` answering a browser's GET on the GraphQL path (an IDE such as
   * GraphiQL); without it that GET keeps the GraphQL server's own answer.
   */
  graphqlPage?: string;
  /** Folder inside `dir` whose files have content hashes in their names (default `assets`). */
  hashedDir?: string;
}

export interface StaticSite {
  /** Answers a GET or HEAD for a file of the site or an app route; false when it is neither. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Answers a browser's GET on the GraphQL path with `graphqlPage`; false when not one. */
  serveGraphQLPage(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);
const YEAR_SECONDS = 365 * 24 * 3600;
/** Longest request path looked up on disk; longer ones cannot name a built file. */
const MAX_PATH = 512;
/**
 * Sent with every file of the site, so with every page: no other site may frame a page (a
 * decoy page over a framed `/approvals` makes one click approve: clickjacking), with the
 * older `X-Frame-Options` for browsers without `frame-ancestors`; no `<base>` or plugin
 * content; and no `Referer` leaving a page, whose path may hold a token (`/invite/<token>`,
 * `/reset/<token>`). No `script-src`/`style-src` yet: GraphiQL has inline style and workers.
 */
const PAGE_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

const acceptsHtml = (req: IncomingMessage) => (req.headers.accept ?? '').includes('text/html');
const acceptsGzip = (req: IncomingMessage) =>
  /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

/**
 * A built single-page app served beside GraphQL: its files, `index.html` for app routes
 * (a browser's GET of a path with no file extension), a year's cache for hashed assets and
 * none for HTML, gzip when the client takes it; no page may be framed by another site, nor
 * send a `Referer` (`PAGE_HEADERS`).
 */
export function createStaticSite(options: StaticSiteOptions): StaticSite {
  const root = path.resolve(options.dir);
  const hashedPrefix = `${options.hashedDir ?? 'assets'}/`;
  // Built files do not change while served; a rebuild changes their size or time, hence the key.
  const gzipped = new Map<string, Buffer>();

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    relative: string,
  ): Promise<boolean> {
    const file = path.join(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return false;
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return false;
    const ext = path.extname(file).toLowerCase();
    let body: Buffer = await fs.readFile(file);
    const headers: Record<string, string | number> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': relative.startsWith(hashedPrefix)
        ? `public, max-age=${YEAR_SECONDS}, immutable`
        : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...PAGE_HEADERS,
    };
    if (COMPRESSIBLE.has(ext) && acceptsGzip(req)) {
      const key = `${file}:${stat.size}:${stat.mtimeMs}`;
      const cached = gzipped.get(key) ?? zlib.gzipSync(body);
      gzipped.set(key, cached);
      body = cached;
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  return {
    async serve(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return false;
      }
      if (pathname.length > MAX_PATH || pathname.includes('\0')) return false;
      const relative = path.posix.normalize(pathname).replace(/^\/+/, '');
      if (relative && !relative.startsWith('..') && (await sendFile(req, res, relative)))
        return true;
      // An app route: the app's router decides what it shows.
      if (path.posix.extname(relative) === '' && acceptsHtml(req)) {
        return sendFile(req, res, 'index.html');
      }
      return false;
    },
    async serveGraphQLPage(req, res) {
      if (!options.graphqlPage || req.method !== 'GET' || !acceptsHtml(req)) return false;
      return sendFile(req, res, options.graphqlPage);
    },
  };
}
