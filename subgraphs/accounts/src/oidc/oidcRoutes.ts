import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PublicRouteContext } from '../../../../runtime';
import { accountsError, accountsErrors, AccountsReason } from '../errors';
import type { ExtraRoutes } from '../http/authRoutes';
import { sendJson } from '../http/send';
import { createOidcClient, type OidcClient } from './oidcClient';
import { clearedFlowCookie, flowCookie, flowOf } from './flowCookie';
import { CALLBACK_PATH, type OidcOptions } from './oidcOptions';
import type { AccountsDeps } from '../settings';
import { recordRefusal, signInWithClaims } from './oidcSignIn';
import { sendOidcRefusal } from './refusalPage';

/** Where the web app sends the person to sign in with the provider. */
export const LOGIN_PATH = '/auth/oidc/login';

/** Longest authorization code read from the callback. */
const MAX_CODE = 2048;

const stateMismatch = () =>
  accountsError(
    AccountsReason.OIDC_STATE_MISMATCH,
    'This sign-in was not started from this browser, or took longer than 10 minutes; start again from the sign-in page.',
  );

/** The callback's query: the code and state (bounded), and whatever else the provider sent. */
function callbackQuery(req: IncomingMessage): URLSearchParams {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  if ((query.get('code') ?? '').length > MAX_CODE) throw stateMismatch();
  return query;
}

/** A provider that cannot be reached is the operator's business: logged, not audited. */
function logUnavailable(ctx: PublicRouteContext, error: unknown): void {
  if (accountsErrors.is(error, AccountsReason.OIDC_PROVIDER_UNAVAILABLE))
    ctx.logger.warn({ err: error.cause }, 'the OpenID Connect provider could not be reached');
}

/** The way back from the provider: checks, session, and the web app, which refreshes on load. */
async function callback(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: PublicRouteContext,
  deps: AccountsDeps,
  options: OidcOptions,
  oidc: OidcClient,
): Promise<void> {
  // Each flow is used once, whatever comes of it.
  const cleared = clearedFlowCookie(deps.secureCookies);
  try {
    const flow = flowOf(ctx.cipher, req, deps.now());
    const query = callbackQuery(req);
    if (!flow || query.get('state') !== flow.state) throw stateMismatch();
    const claims = await oidc.finish(query, flow);
    const answer = await signInWithClaims(ctx, deps, options, claims);
    res.writeHead(303, {
      location: options.home,
      'cache-control': 'no-store',
      'set-cookie': [answer.cookie, cleared],
    });
    res.end();
  } catch (error) {
    logUnavailable(ctx, error);
    await recordRefusal(ctx, error);
    sendOidcRefusal(req, res, error, options, { 'set-cookie': cleared });
  }
}

/** GET /auth/methods: how one may sign in here, for the web app's sign-in page. */
function methodsRoute(options: OidcOptions | null): ExtraRoutes[number] {
  const body = {
    password: true,
    oidc: options && { name: options.name, loginUrl: LOGIN_PATH },
  };
  return {
    method: 'GET',
    pattern: /^methods$/,
    async handle(_req, res) {
      sendJson(res, 200, body);
    },
  };
}

/**
 * The OpenID Connect routes (docs/sign-in.md): the methods on offer always; the login and the
 * callback when a provider is configured, else they answer 404.
 */
export function oidcRoutes(deps: AccountsDeps, options: OidcOptions | null): ExtraRoutes {
  if (!options) return [methodsRoute(null)];
  const oidc = createOidcClient(options);
  return [
    methodsRoute(options),
    {
      method: 'GET',
      pattern: /^oidc\/login$/,
      async handle(req, res, ctx) {
        try {
          const { url, flow } = await oidc.start();
          res.writeHead(302, {
            location: url.href,
            'cache-control': 'no-store',
            'set-cookie': flowCookie(ctx.cipher, flow, deps.now(), deps.secureCookies),
          });
          res.end();
        } catch (error) {
          logUnavailable(ctx, error);
          sendOidcRefusal(req, res, error, options);
        }
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${CALLBACK_PATH.slice('/auth/'.length)}$`),
      handle: (req, res, ctx) => callback(req, res, ctx, deps, options, oidc),
    },
  ];
}
