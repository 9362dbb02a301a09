import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DomainError,
  ErrorCode,
  type PublicRoute,
  type PublicRouteContext,
} from '../../../../runtime';
import { readEmail, readPassword } from '../inputs';
import type { AccountsDeps } from '../settings';
import { login } from '../sessions/login';
import { logout } from '../sessions/logout';
import { refresh } from '../sessions/refresh';
import type { SessionAnswer } from '../sessions/sessionAnswer';
import { describeInvitation, useTicket } from '../tickets/useTicket';
import { requestPasswordReset } from '../tickets/passwordReset';
import { clearedCookie, refreshTokenOf } from './cookies';
import { readBody } from './readBody';
import { sendEmpty, sendJson, sendRefusal } from './send';

/** Where sign-in is served; every route below it needs no bearer token. */
export const AUTH_PREFIX = '/auth/';

/** One route: its method, its path's pattern (tokens captured), and what it does. */
interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    ctx: PublicRouteContext,
    params: string[],
  ): Promise<void>;
}

/** Extra routes beside the contract's (the partner token endpoint, OpenID Connect). */
export type ExtraRoutes = Route[];

/** A path segment decoded; a malformed escape is no token of ours (404). */
function decodeParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound();
  }
}

const sendSession = (res: ServerResponse, answer: SessionAnswer) =>
  sendJson(res, 200, answer.body, { 'set-cookie': answer.cookie });

const notFound = () => new DomainError(ErrorCode.NOT_FOUND, 'There is no such route.');

/** The routes of docs/sign-in.md, served under `/auth/`. */
function contractRoutes(deps: AccountsDeps): Route[] {
  const cookieOptions = { secure: deps.secureCookies };
  return [
    {
      method: 'POST',
      pattern: /^login$/,
      async handle(req, res, ctx) {
        const body = await readBody(req);
        const email = readEmail(body);
        const password = readPassword(body);
        sendSession(res, await login(ctx, deps, email, password));
      },
    },
    {
      method: 'POST',
      pattern: /^refresh$/,
      async handle(req, res, ctx) {
        try {
          sendSession(res, await refresh(ctx, deps, refreshTokenOf(req)));
        } catch (error) {
          // A cookie that no longer works is removed, so the browser stops sending it.
          sendRefusal(res, error, { 'set-cookie': clearedCookie(cookieOptions) });
        }
      },
    },
    {
      method: 'POST',
      pattern: /^logout$/,
      async handle(req, res, ctx) {
        await logout(ctx, deps, refreshTokenOf(req));
        sendEmpty(res, 204, { 'set-cookie': clearedCookie(cookieOptions) });
      },
    },
    {
      method: 'GET',
      pattern: /^invitations\/([^/]+)$/,
      async handle(_req, res, ctx, [token]) {
        sendJson(res, 200, await describeInvitation(ctx, deps, token));
      },
    },
    {
      method: 'POST',
      pattern: /^invitations\/([^/]+)\/accept$/,
      async handle(req, res, ctx, [token]) {
        const password = readPassword(await readBody(req));
        sendSession(res, await useTicket(ctx, deps, 'INVITATION', token, password));
      },
    },
    {
      method: 'POST',
      pattern: /^password-reset$/,
      async handle(req, res, ctx) {
        const email = readEmail(await readBody(req));
        await requestPasswordReset(ctx, deps, email);
        sendEmpty(res, 202);
      },
    },
    {
      method: 'POST',
      pattern: /^password-reset\/([^/]+)$/,
      async handle(req, res, ctx, [token]) {
        const password = readPassword(await readBody(req));
        sendSession(res, await useTicket(ctx, deps, 'PASSWORD_RESET', token, password));
      },
    },
  ];
}

/**
 * Sign-in's HTTP routes as one public route on `/auth/*`. Every refusal has the platform's
 * error shape with sign-in's own code and, for bad input, the field.
 */
export function createAuthRoutes(
  deps: AccountsDeps,
  extra: ExtraRoutes = [],
): Record<string, PublicRoute> {
  const routes = [...contractRoutes(deps), ...extra];
  const route: PublicRoute = async (req, res, ctx) => {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith(AUTH_PREFIX) || path.length > 512) throw notFound();
      const rest = path.slice(AUTH_PREFIX.length);
      const method = (req.method ?? 'GET').toUpperCase();
      const matching = routes.filter((r) => r.pattern.test(rest));
      if (!matching.length) throw notFound();
      const found = matching.find((r) => r.method === method);
      if (!found) {
        res.setHeader('allow', matching.map((r) => r.method).join(', '));
        return sendJson(res, 405, {
          errors: [
            { message: `Use ${matching[0].method}.`, extensions: { code: 'METHOD_NOT_ALLOWED' } },
          ],
        });
      }
      const params = (found.pattern.exec(rest) ?? []).slice(1).map(decodeParam);
      await found.handle(req, res, ctx, params);
    } catch (error) {
      if (res.headersSent) throw error;
      sendRefusal(res, error);
    }
  };
  return { '/auth/*': route };
}
