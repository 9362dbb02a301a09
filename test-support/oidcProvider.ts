import crypto from 'node:crypto';
import http from 'node:http';
import { SignJWT, importJWK, type JWK } from 'jose';
import { close, listen, publicJwk } from '../runtime';
import { generatePrivateJwk } from '../runtime/testing';

// A small OpenID Connect provider for tests: discovery, JWKS, an authorization endpoint that
// signs in whoever the test names without asking (or refuses, as a person who declines), and a
// token endpoint that checks the client, the redirect, PKCE (S256) and uses each code once.
// The platform's relying party talks to it over HTTP exactly as to a real provider.

/** The person the provider signs in next: the ID token's subject and further claims. */
export interface ProviderUser {
  sub: string;
  claims: Record<string, unknown>;
}

/** How the next ID token goes wrong, to see the platform refuse it. */
export interface Tampering {
  /** A nonce other than the one the authorization request carried. */
  nonce?: string;
  /** Signed with a key the provider's JWKS does not hold (under the same key id). */
  untrustedKey?: boolean;
}

export interface OidcTestProvider {
  /** `http://localhost:<port>`: another site than the platform's 127.0.0.1. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The query of every authorization request received, oldest first. */
  authorizations: URLSearchParams[];
  /** Who is signed in at the provider; null: the person declines (access_denied). */
  signInAs(user: ProviderUser | null): void;
  /** Makes the next ID token wrong in the given way. */
  tamperNext(tampering: Tampering): void;
  /** Redirect URIs the client may use (exact match, as providers require). */
  allowRedirect(uri: string): void;
  stop(): Promise<void>;
}

interface Grant {
  redirectUri: string;
  challenge: string;
  nonce: string;
  user: ProviderUser;
  used: boolean;
  expiresAt: number;
}

const base64url = (data: Buffer) => data.toString('base64url');
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest();

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(new URLSearchParams(text)));
    req.on('error', reject);
  });
}

/** Starts the provider on a free port of 127.0.0.1, addressed as localhost. */
export async function startOidcProvider(
  options: { clientId?: string; clientSecret?: string } = {},
): Promise<OidcTestProvider> {
  const clientId = options.clientId ?? 'hr-platform';
  const clientSecret = options.clientSecret ?? crypto.randomBytes(16).toString('hex');
  const trusted = generatePrivateJwk();
  const untrusted = { ...generatePrivateJwk(), kid: trusted.kid };
  const redirects = new Set<string>();
  const grants = new Map<string, Grant>();
  const authorizations: URLSearchParams[] = [];
  let user: ProviderUser | null = null;
  let tampering: Tampering = {};
  let issuer = '';

  const signIdToken = async (grant: Grant) => {
    const { nonce = grant.nonce, untrustedKey } = tampering;
    tampering = {};
    const jwk: JWK = untrustedKey ? untrusted : trusted;
    return new SignJWT({ ...grant.user.claims, nonce })
      .setProtectedHeader({ alg: 'ES256', kid: trusted.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject(grant.user.sub)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importJWK(jwk, 'ES256'));
  };

  const authorize = (url: URL, res: http.ServerResponse) => {
    const q = url.searchParams;
    authorizations.push(q);
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== clientId || !redirects.has(redirectUri)) {
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'unknown client' });
    }
    const back = new URL(redirectUri);
    back.searchParams.set('iss', issuer);
    if (q.get('state')) back.searchParams.set('state', q.get('state')!);
    const challenge = q.get('code_challenge');
    if (
      q.get('response_type') !== 'code' ||
      q.get('code_challenge_method') !== 'S256' ||
      !challenge ||
      !q.get('nonce')
    ) {
      back.searchParams.set('error', 'invalid_request');
    } else if (!user) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = base64url(crypto.randomBytes(24));
      grants.set(code, {
        redirectUri,
        challenge,
        nonce: q.get('nonce')!,
        user,
        used: false,
        expiresAt: Date.now() + 60_000,
      });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.href });
    res.end();
  };

  const clientOf = (req: http.IncomingMessage, form: URLSearchParams) => {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    if (!basic) return { id: form.get('client_id'), secret: form.get('client_secret') };
    const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id), secret: decodeURIComponent(secret ?? '') };
  };

  const token = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const form = await readForm(req);
    const client = clientOf(req, form);
    if (client.id !== clientId || client.secret !== clientSecret)
      return sendJson(res, 401, { error: 'invalid_client' });
    if (form.get('grant_type') !== 'authorization_code')
      return sendJson(res, 400, { error: 'unsupported_grant_type' });
    const grant = grants.get(form.get('code') ?? '');
    const invalid = (why: string) =>
      sendJson(res, 400, { error: 'invalid_grant', error_description: why });
    if (!grant || grant.expiresAt < Date.now()) return invalid('unknown or expired code');
    if (grant.used) return invalid('the code was used already');
    grant.used = true;
    if (form.get('redirect_uri') !== grant.redirectUri) return invalid('redirect_uri differs');
    const verifier = form.get('code_verifier') ?? '';
    if (base64url(sha256(verifier)) !== grant.challenge) return invalid('PKCE check failed');
    sendJson(res, 200, {
      access_token: base64url(crypto.randomBytes(24)),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: await signIdToken(grant),
    });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /.well-known/openid-configuration') {
      return sendJson(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['ES256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        authorization_response_iss_parameter_supported: true,
      });
    }
    if (route === 'GET /jwks') return sendJson(res, 200, { keys: [publicJwk(trusted)] });
    if (route === 'GET /authorize') return authorize(url, res);
    if (route === 'POST /token') return void token(req, res);
    sendJson(res, 404, { error: 'not_found' });
  });
  const port = await listen(server, 0, '127.0.0.1');
  issuer = `http://localhost:${port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    authorizations,
    signInAs: (next) => void (user = next),
    tamperNext: (next) => void (tampering = next),
    allowRedirect: (uri) => void redirects.add(uri),
    stop: () => close(server),
  };
}
