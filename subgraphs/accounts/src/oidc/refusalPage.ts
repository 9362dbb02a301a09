import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findDomainError } from '../../../../runtime';
import { routeCodeOf, routeStatusOf } from '../errors';
import { sendRefusal } from '../http/send';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The web app's sign-in card, in brief; allowed by its hash, as the page allows nothing else. */
const STYLE = `html{font-family:system-ui,sans-serif;color:#1d2330;background:#f6f7f9}
body{margin:0}a{color:#1d4fb8}
main{max-width:380px;margin:4rem auto;background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:1rem}
h1{font-size:1.4rem}.alert{color:#b3261e}small{color:#4a5163}`;
const STYLE_HASH = crypto.createHash('sha256').update(STYLE).digest('base64');

/** A page a person can read: what went wrong, and the way back to the sign-in page. */
function page(title: string, message: string, code: string, home: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="alert" role="alert">${escapeHtml(message)}</p>
<p><a href="${escapeHtml(home)}">Back to the sign-in page</a></p>
<p><small>Code: ${escapeHtml(code)}</small></p>
</main>
</body>
</html>
`;
}

/**
 * Answers a refused OIDC route with its status: to a browser (which arrives here from the
 * provider's page) a page saying why, to anything else the platform's JSON error shape.
 */
export function sendOidcRefusal(
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
  labels: { name: string; home: string },
  headers: Record<string, string | string[]> = {},
): void {
  const refusal = findDomainError(error);
  if (!refusal) throw error;
  if (!(req.headers.accept ?? '').includes('text/html')) return sendRefusal(res, refusal, headers);
  const body = page(
    `Signing in with ${labels.name} did not work`,
    refusal.message,
    routeCodeOf(refusal),
    labels.home,
  );
  res.writeHead(routeStatusOf(refusal), {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; frame-ancestors 'none'`,
    ...headers,
  });
  res.end(body);
}
